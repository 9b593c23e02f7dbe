package dev.sommelier.tools;

import dev.sommelier.tasks.eval.ClassProbability;
import dev.sommelier.tasks.jobs.JobJson;
import dev.sommelier.tasks.jobs.SkippedImage;
import dev.sommelier.tasks.jobs.predict.PredictJob;
import dev.sommelier.tasks.jobs.predict.PredictResult;
import dev.sommelier.tasks.jobs.predict.PredictSettings;
import dev.sommelier.tasks.jobs.predict.PredictedImage;
import dev.sommelier.tools.config.ConfigOption;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sommelier predict}: a saved model on image files; every option maps to one {@link
 * PredictSettings} field.
 */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Predicts image files with a saved model: every class with its probability, most"
        + " probable first, or the value (and rank). Writes OUT/predictions.csv and"
        + " OUT/predictions.json. An image in a folder named after one of the model's classes"
        + " (test/<class>/<image>, the layout train reads) is marked right or wrong, with the"
        + " accuracy over those. Images that cannot be decoded are skipped and listed; when none"
        + " can be, the command fails with exit status 2.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  sommelier predict --model runs/shapes/model --out predictions photo.jpg",
      "  sommelier predict --model runs/shapes/model --out predictions data/test",
      "  sommelier predict --model runs/shapes/model --out predictions \\",
      "      incoming/ more/a.png",
      "  sommelier predict --model runs/cucumbers/model --out predictions \\",
      "      @list.txt --json",
      "  sommelier predict --model runs/shapes/model --out predictions \\",
      "      --precision mixed data/test",
      "  sommelier predict --config predict.yaml --batch 8 photo.jpg",
      "",
      "A folder stands for its jpg, jpeg, png, bmp and gif files, in it and in its sub-folders;"
          + " @FILE reads arguments from FILE, one a line."
    })
final class PredictCommand implements Callable<Integer> {

  private static final int SHOWN_CLASSES = 3;

  @Spec CommandSpec spec;

  @Mixin ConfigOption config;

  @Option(names = "--model", paramLabel = "DIR", required = true,
      description = "A model directory (from train or import).")
  Path model;

  @Parameters(paramLabel = "IMAGE", arity = "1..*",
      description = "Image files and folders of images.")
  List<Path> images;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "32",
      description = "Images per batch (default: ${DEFAULT-VALUE}).")
  int batch;

  @Mixin DeviceOption deviceOption;

  @Mixin InferenceOption inference;

  @Option(names = "--out", paramLabel = "DIR", required = true,
      description = "Output folder for predictions.csv and predictions.json.")
  Path out;

  @Option(names = "--json", description = "Print the result as JSON instead of a list.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    PredictResult r = new PredictJob(
        new PredictSettings(model, images, batch, deviceOption.device(), inference.options(),
            out)).run();
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      Cli.printJson(o, JobJson.tree(r));
    } else {
      for (PredictedImage p : r.predictions()) {
        o.println(p.file() + "  " + answer(p) + TruthText.mark(p.trueClass(), p.correct()));
      }
      for (SkippedImage s : r.skipped()) {
        o.println(s.file() + "  skipped: " + s.reason());
      }
      o.println();
      String accuracy = TruthText.accuracy(r.knownTruth());
      if (accuracy != null) {
        o.println(accuracy);
      }
      o.println("Predictions: " + r.csv() + ", " + r.json());
    }
    o.flush();
    return 0;
  }

  private static String answer(PredictedImage p) {
    if (p.classes() == null) {
      return String.format(Locale.ROOT, "%.4f", p.value())
          + (p.rank() == null ? "" : " (rank " + p.rank() + ")");
    }
    List<ClassProbability> c = p.classes();
    if (p.labels() != null) {
      return "labels: " + (p.labels().isEmpty() ? "none" : String.join(", ", p.labels()))
          + "  (" + c.stream().map(x -> String.format(Locale.ROOT, "%s %.3f", x.name(),
              x.probability())).collect(Collectors.joining("  ")) + ")";
    }
    return c.subList(0, Math.min(SHOWN_CLASSES, c.size())).stream()
        .map(x -> String.format(Locale.ROOT, "%s %.3f", x.name(), x.probability()))
        .collect(Collectors.joining("  "))
        + (c.size() > SHOWN_CLASSES ? "  ..." : "");
  }
}
