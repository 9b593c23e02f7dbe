package dev.sommelier.tools;

import dev.sommelier.tasks.jobs.JobJson;
import dev.sommelier.tasks.jobs.train.FineTune;
import dev.sommelier.tasks.jobs.train.InitialWeights;
import dev.sommelier.tasks.model.TaskKind;
import dev.sommelier.tools.config.ConfigOption;
import dev.sommelier.tools.demo.DemoResult;
import dev.sommelier.tools.demo.DemoRun;
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
 * {@code sommelier demo}: transfer learning working on built-in data, in a few minutes on a CPU:
 * a model from ImageNet weights beside the same model trained from scratch.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Shows transfer learning working on built-in data: draws a small data set"
        + " (seven makers known by a small logo among clutter on a machine-like body, 80"
        + " training images each, or with --task regression cucumbers graded by rank 1-5),"
        + " starts a MobileNetV1 (width 0.25) from ImageNet weights, trains its head on features"
        + " computed once, then fine-tunes its last blocks; evaluates it on held-out images,"
        + " explains fresh images with Grad-CAM and writes a report. Beside it, the same network"
        + " trains from scratch on the same data, split, seed and epochs (OUT/scratch), and"
        + " both are printed side by side. About three minutes on two CPU cores at the defaults.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  sommelier demo",
      "  sommelier demo --no-compare --out runs/logos",
      "  sommelier demo --weights none --epochs 30      # from scratch only",
      "  sommelier demo --fine-tune none                # the head alone",
      "  sommelier demo --task regression --out runs/cucumbers",
      "  sommelier demo --images-per-class 35 --input-size 160   # smaller, quicker",
      "  sommelier demo --config demo.yaml --epochs 20",
      "",
      "Then open OUT/report/index.html and OUT/scratch/report/index.html; OUT/data",
      "holds the drawn images, OUT/model the model, OUT/explain the heat maps."
    })
final class DemoCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--task", paramLabel = "TASK", defaultValue = "classification",
      description = "classification (makers by logo) or regression (cucumbers by rank)"
          + " (default: ${DEFAULT-VALUE}).")
  String task;

  @Option(names = "--weights", paramLabel = "none|imagenet|FILE", defaultValue = "imagenet",
      converter = Cli.WeightsConverter.class,
      description = "Where the backbone starts: imagenet (the built-in ImageNet weights of"
          + " MobileNetV1 0.25), none (seeded random weights, trained from scratch), or a Keras"
          + " model or weight file (.h5, .keras, SavedModel) of mobilenet_v1:alpha=0.25"
          + " (default: ${DEFAULT-VALUE}).")
  InitialWeights weights;

  @Option(names = "--compare", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Also train from scratch on the same data, split, seed and epochs, in"
          + " OUT/scratch, and print both (default: on; --no-compare for the demo model alone;"
          + " nothing to compare with --weights none).")
  boolean compare;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/demo",
      description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--images-per-class", paramLabel = "N", defaultValue = "140",
      description = "Drawn images per maker or rank, split 4:1:2 into train, validation and"
          + " test (default: ${DEFAULT-VALUE}: 80 to train on).")
  int perClass;

  @Option(names = "--input-size", paramLabel = "N", defaultValue = "224",
      description = "Side of the images and of the model's input (default: ${DEFAULT-VALUE}).")
  int inputSize;

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "10",
      description = "Epochs of the head, on features computed once; from scratch, epochs of"
          + " the whole run, with the fine-tuning epochs added (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--fine-tune", paramLabel = "SCOPE:EPOCHS[:RATE]",
      defaultValue = "last-6:10:1e-4",
      description = "After the head, train SCOPE (last-N blocks or all) for EPOCHS more epochs"
          + " at RATE (default: a tenth of the head's 0.02), or none (default: ${DEFAULT-VALUE}).")
  String fineTune;

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
    if (perClass < 7 || inputSize < 32 || epochs < 1) {
      throw new IllegalArgumentException("--images-per-class must be at least 7 (for a 4:1:2"
          + " split), --input-size at least 32 and --epochs at least 1; got " + perClass + ", "
          + inputSize + " and " + epochs);
    }
    TaskKind kind = Choices.parse(TaskKind.class, task, "task");
    FineTune tune = fineTune.strip().equalsIgnoreCase("none") ? null : FineTune.parse(fineTune);
    if (weights instanceof InitialWeights.File f) {
      Cli.kerasModel(f.path());
    }
    DemoResult r = new DemoRun(kind, perClass, inputSize, epochs, tune, weights, compare, seed,
        workers, deviceOption.device(), out).run();
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      Cli.printJson(o, JobJson.tree(r));
    } else {
      DemoText.print(o, r);
    }
    o.flush();
    return 0;
  }
}
