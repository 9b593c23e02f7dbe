package dev.sommelier.tools;

import dev.sommelier.tasks.data.split.SplitRatios;
import dev.sommelier.tasks.jobs.JobJson;
import dev.sommelier.tasks.jobs.SkippedFiles;
import dev.sommelier.tasks.jobs.evaluate.EvaluateJob;
import dev.sommelier.tasks.jobs.evaluate.EvaluateResult;
import dev.sommelier.tasks.jobs.evaluate.EvaluateSettings;
import dev.sommelier.tools.config.ConfigOption;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sommelier evaluate}: a saved model on a labelled data set, whole or one part of its
 * split; every option maps to one {@link EvaluateSettings} field.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Evaluates a saved model on labelled images (the classes must be the model's) and"
        + " writes OUT/evaluation.json. A part is cut with the split and seed the model was trained"
        + " with, so --part test on the training data gives the training run's test numbers."
        + " Every image is decoded once before the split: files that do not decode are left out"
        + " of every part and listed in OUT/skipped-files.csv.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  sommelier evaluate --model runs/shapes/model --folder data/shapes \\",
      "      --part test --out eval",
      "  sommelier evaluate --model runs/guitars/model --folder data/new-guitars \\",
      "      --out eval/new",
      "  sommelier evaluate --model runs/cucumbers/model \\",
      "      --csv-values data/cucumbers/values.csv --part test \\",
      "      --out eval/cucumbers --json",
      "  sommelier evaluate --config eval.yaml --part validation"
    })
final class EvaluateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ConfigOption config;

  @Option(names = "--model", paramLabel = "DIR", required = true,
      description = "A model directory (from train or import).")
  Path model;

  @Mixin DataOptions data;

  @Option(names = "--part", paramLabel = "PART", defaultValue = "all",
      description = "all, train, validation or test (default: ${DEFAULT-VALUE}).")
  String part;

  @Option(names = "--split", paramLabel = "RATIOS",
      description = "Ratios of the split --part is taken from (default: the model's training"
          + " split).")
  String split;

  @Option(names = "--seed", paramLabel = "S",
      description = "Seed of that split (default: the model's training seed).")
  Long seed;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "32",
      description = "Images per batch (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--workers", paramLabel = "N",
      description = "Threads decoding images (default: the number of processors).")
  Integer workers;

  @Mixin DeviceOption deviceOption;

  @Mixin InferenceOption inference;

  @Option(names = "--out", paramLabel = "DIR", required = true,
      description = "Output folder for evaluation.json.")
  Path out;

  @Option(names = "--json", description = "Print the result as JSON instead of a summary.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    EvaluateSettings.Builder b = EvaluateSettings.builder(model, data.source(), out)
        .part(EvaluateSettings.Part.parse(part))
        .seed(seed)
        .batchSize(batch)
        .device(deviceOption.device())
        .inference(inference.options());
    if (split != null) {
      b.split(SplitRatios.parse(split));
    }
    if (workers != null) {
      b.workers(workers);
    }
    EvaluateResult r = new EvaluateJob(b.build()).run();
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      Cli.printJson(o, JobJson.tree(r));
    } else {
      o.println("Evaluated " + r.model() + " on " + r.data());
      Path skipped = r.out().resolve(SkippedFiles.FILE);
      DataText.print(o, r.dataSummary(),
          r.evaluation().regression() != null ? "value"
              : r.evaluation().labels() != null ? "labels" : "class", skipped);
      EvaluationText.print(o, r.evaluation());
      o.println();
      o.println("Report:  " + r.report());
      if (!r.evaluation().skippedFiles().isEmpty()) {
        o.println(r.evaluation().skippedFiles().size() + " image(s) of the part could not be read"
            + " during the evaluation (changed on disk?): listed in " + skipped);
      }
    }
    o.flush();
    return 0;
  }
}
