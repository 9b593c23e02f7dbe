package dev.sommelier.tools;

import dev.sommelier.tasks.explain.ExplainMethod;
import dev.sommelier.tasks.explain.ExplainMethods;
import dev.sommelier.tasks.explain.faithfulness.FaithfulnessSummary;
import dev.sommelier.tasks.jobs.JobJson;
import dev.sommelier.tasks.jobs.SkippedImage;
import dev.sommelier.tasks.jobs.explain.ExplainJob;
import dev.sommelier.tasks.jobs.explain.ExplainResult;
import dev.sommelier.tasks.jobs.explain.ExplainSettings;
import dev.sommelier.tasks.jobs.explain.ExplainedImage;
import dev.sommelier.tasks.jobs.explain.Explanation;
import dev.sommelier.tools.config.ConfigOption;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code sommelier explain}: Grad-CAM maps of a saved model on image files; every option maps to
 * one {@link ExplainSettings} field.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Explains image files with a saved model (Grad-CAM by default; --method picks"
        + " another CAM, LayerCAM fused over layers, or a pixel-gradient method): per image and"
        + " target a heat-map overlay, the raw map as 16-bit PNG and CSV, and deletion curves"
        + " (map order vs random order; lower area = more faithful map); per run"
        + " OUT/contact-sheet.png and OUT/explanations.json. An image in a folder named after one"
        + " of the model's classes (test/<class>/<image>, the layout train reads) is marked right"
        + " or wrong, a wrong answer framed in red on the sheet, with the accuracy over those."
        + " Images that cannot be decoded are skipped and listed; when none can be, the command"
        + " fails with exit status 2.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  sommelier explain --model runs/shapes/model --images photo.jpg --out explained",
      "  sommelier explain --model runs/shapes/model --images data/test --out explained",
      "  sommelier explain --model runs/shapes/model --images incoming/ --top 3 \\",
      "      --out explained",
      "  sommelier explain --model runs/shapes/model --images a.png b.png \\",
      "      --class circle --method gradcam++ --layer conv_pw_12_relu \\",
      "      --out explained --json",
      "  sommelier explain --model runs/shapes/model --images a.jpg --method fusion \\",
      "      --layer conv_pw_5_relu,conv_pw_11_relu,conv_pw_13_relu --out explained",
      "  sommelier explain --config explain.yaml --images photo.jpg --top 2",
      "",
      "A folder stands for its jpg, jpeg, png, bmp and gif files, in it and in its",
      "sub-folders."
    })
final class ExplainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ConfigOption config;

  @Option(names = "--model", paramLabel = "DIR", required = true,
      description = "A model directory (from train or import).")
  Path model;

  @Option(names = "--images", paramLabel = "PATH", arity = "1..*", required = true,
      description = "Image files and folders of images.")
  List<Path> images;

  @Option(names = "--out", paramLabel = "DIR", required = true,
      description = "Output folder for the maps, contact sheet and explanations.json.")
  Path out;

  @Option(names = "--layer", paramLabel = "NAME",
      description = "Layer to explain (default: the backbone's Grad-CAM layer); for fusion a"
          + " comma-separated list (default: that layer and the last layers of the next two"
          + " finer grids); pixel methods ignore it.")
  String layer;

  @Option(names = "--class", paramLabel = "NAME",
      description = "Explain this class (of a multi-label model: this label) in every image"
          + " (default: the most probable class; for a multi-label model each label at or over"
          + " its threshold).")
  String className;

  @Option(names = "--top", paramLabel = "K", defaultValue = "1",
      description = "Explain each image's K most probable classes (a multi-label model: at"
          + " least K, and every label at or over its threshold) (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--method", paramLabel = "NAME", defaultValue = "gradcam",
      converter = MethodConverter.class,
      description = "How the map is made (default: ${DEFAULT-VALUE}): gradcam, gradcam++,"
          + " xgradcam (channel weights from gradients); hirescam, layercam (a weight per"
          + " position; layercam works at early layers); eigencam (first principal component,"
          + " no gradients); fusion (LayerCAM over several layers, finer maps); scorecam (one"
          + " forward pass per channel of the layer, no gradients); saliency,"
          + " smoothgrad (25 noisy copies), integrated-gradients (32 steps from black)"
          + " (pixel gradients, one run per 64 points).")
  ExplainMethod method;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "16",
      description = "Images per batch (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--deletion-steps", paramLabel = "N", defaultValue = "10",
      description = "Steps of the deletion metric, each removing 1/N of the pixels"
          + " (default: ${DEFAULT-VALUE}).")
  int deletionSteps;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
      description = "Seed of the deletion metric's random order (default: ${DEFAULT-VALUE}).")
  long seed;

  @Mixin DeviceOption deviceOption;

  @Mixin InferenceOption inference;

  @Option(names = "--json", description = "Print the result as JSON instead of a summary.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    ExplainResult r = new ExplainJob(ExplainSettings.builder(model, images, out)
        .layer(layer).method(method).className(className).top(top).batchSize(batch)
        .deletionSteps(deletionSteps).seed(seed).device(deviceOption.device())
        .inference(inference.options()).build()).run();
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      Cli.printJson(o, JobJson.tree(r));
      return 0;
    }
    for (ExplainedImage e : r.images()) {
      for (Explanation x : e.explanations()) {
        o.printf(Locale.ROOT, "%s  %s  peak (%d, %d)  deletion AUC %.3f vs random %.3f%s%n",
            e.file(), x.target(), x.peakX(), x.peakY(), x.faithfulness().map().auc(),
            x.faithfulness().random().auc(), TruthText.mark(e.trueClass(), e.correct()));
      }
    }
    for (SkippedImage s : r.skipped()) {
      o.println(s.file() + "  skipped: " + s.reason());
    }
    FaithfulnessSummary f = r.faithfulness();
    o.println();
    String accuracy = TruthText.accuracy(r.knownTruth());
    if (accuracy != null) {
      o.println(accuracy);
    }
    o.printf(Locale.ROOT, "Layer %s, %s: mean deletion AUC %.3f (random %.3f), first-step drop"
        + " %.3f (random %.3f) over %d maps%n", r.layer(), r.method().label(), f.mapAuc(),
        f.randomAuc(), f.mapFirstStepDrop(), f.randomFirstStepDrop(), f.maps());
    o.println("Explanations: " + r.json() + ", contact sheet: " + r.contactSheets());
    o.flush();
    return 0;
  }

  /** Any name of {@link ExplainMethods#named}. */
  static final class MethodConverter implements CommandLine.ITypeConverter<ExplainMethod> {
    @Override
    public ExplainMethod convert(String value) {
      try {
        return ExplainMethods.named(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
