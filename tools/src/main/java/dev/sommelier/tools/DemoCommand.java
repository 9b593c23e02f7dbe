package dev.sommelier.tools;

import dev.sommelier.tasks.job.JobJson;
import dev.sommelier.tasks.model.TaskKind;
import dev.sommelier.tools.config.ConfigOption;
import dev.sommelier.tools.demo.DemoResult;
import dev.sommelier.tools.demo.DemoRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sommelier demo}: the whole thing working on built-in data, in a few minutes on a CPU. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Shows the whole thing working on built-in data: draws a data set (seven"
        + " makers known by a small logo on a machine-like body, or with --task regression"
        + " cucumbers graded by rank 1-5), trains a MobileNetV1 (width 0.25) on it from scratch,"
        + " evaluates it on held-out images, explains fresh images with Grad-CAM and writes a"
        + " report. About three minutes on two CPU cores at the defaults.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  sommelier demo",
      "  sommelier demo --task regression --out runs/cucumbers",
      "  sommelier demo --images-per-class 100 --input-size 96 --epochs 5",
      "  sommelier demo --config demo.yaml --epochs 20",
      "",
      "Then open OUT/report/index.html; OUT/data holds the drawn images, OUT/model the model,",
      "OUT/explain the heat maps."
    })
final class DemoCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--task", paramLabel = "TASK", defaultValue = "classification",
      description = "classification (makers by logo) or regression (cucumbers by rank)"
          + " (default: ${DEFAULT-VALUE}).")
  String task;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/demo",
      description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--images-per-class", paramLabel = "N", defaultValue = "1000",
      description = "Drawn images per maker or rank, split 6:2:2 (default: ${DEFAULT-VALUE}).")
  int perClass;

  @Option(names = "--input-size", paramLabel = "N", defaultValue = "128",
      description = "Side of the images and of the model's input (default: ${DEFAULT-VALUE}).")
  int inputSize;

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "20",
      description = "Training epochs (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
      description = "Seed of the data, split, weights and shuffles (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--workers", paramLabel = "N",
      description = "Threads decoding images (default: the number of processors).")
  Integer workers;

  @Mixin DeviceOption deviceOption;

  @Mixin ConfigOption config;

  @Option(names = "--json", description = "Print the result as JSON instead of a summary.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    if (perClass < 5 || inputSize < 32 || epochs < 1) {
      throw new IllegalArgumentException("--images-per-class must be at least 5 (for a 6:2:2"
          + " split), --input-size at least 32 and --epochs at least 1; got " + perClass + ", "
          + inputSize + " and " + epochs);
    }
    TaskKind kind = Choices.parse(TaskKind.class, task, "task");
    DemoResult r = new DemoRun(kind, perClass, inputSize, epochs, seed, workers,
        deviceOption.device(), out).run();
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      Cli.printJson(o, JobJson.tree(r));
    } else {
      print(o, r);
    }
    o.flush();
    return 0;
  }

  private static void print(PrintWriter o, DemoResult r) {
    o.printf(Locale.ROOT, "Demo: %s on %d drawn images, %s %dx%d, %d epochs, %.0f s in all"
            + " (%.1f train images/s)%n", r.train().settings().get("task"),
        r.train().data().samples(), DemoRun.BACKBONE, r.train().settings().get("inputSize"),
        r.train().settings().get("inputSize"), r.train().epochs().size(), r.seconds(),
        r.train().trainImagesPerSecond());
    EvaluationText.print(o, r.train().evaluation());
    if (r.peaksOnLogo() >= 0) {
      o.printf(Locale.ROOT, "Grad-CAM (%s): the map's peak is on the logo in %d of %d fresh"
          + " images%n", r.explain().layer(), r.peaksOnLogo(), r.explain().images().size());
    }
    o.println();
    o.println("Report:  " + r.report().toAbsolutePath());
    o.println("Model:   " + r.train().model());
    o.println("Maps:    " + r.explain().out());
  }
}
