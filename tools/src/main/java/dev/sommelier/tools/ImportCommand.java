package dev.sommelier.tools;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.tasks.model.KerasConversion;
import dev.sommelier.tasks.model.KerasModelConverter;
import dev.sommelier.tasks.model.ModelConfig;
import dev.sommelier.tasks.model.ModelStore;
import dev.sommelier.tasks.model.TaskModel;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sommelier import}: turns a Keras classifier or regressor (SavedModel, {@code .h5} or
 * {@code .keras}) into a Sommelier model directory that evaluate, predict, explain and train read.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Converts a Keras classifier or regressor (a supported backbone with a softmax or"
        + " one-value Dense top) into a Sommelier model directory.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  sommelier import --keras-model exported/guitars.h5 --labels guitars.txt \\",
      "      --out models/guitars",
      "  sommelier import --keras-model exported/cucumber-ranks.keras \\",
      "      --out models/cucumbers --json",
      "  sommelier import --keras-model exported/flowers --out models/flowers"
    })
final class ImportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = {"--keras-model", "--saved-model"}, paramLabel = "FILE_OR_DIR", required = true,
      description = "A Keras model: .h5 (model.save), .keras (Keras 3) or SavedModel directory."
          + " --saved-model is the old name of this option.")
  Path kerasModel;

  @Option(names = "--out", paramLabel = "MODEL", required = true,
      description = "The model directory to write (replaced atomically if it exists).")
  Path out;

  @Option(names = "--labels", paramLabel = "FILE",
      description = "Class names, one per line in class-index order (default: 0, 1, ...).")
  Path labels;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
      description = "Seed stored with the model for later training (default: ${DEFAULT-VALUE}).")
  long seed;

  @Mixin DeviceOption deviceOption;

  @Option(names = "--json", description = "Print JSON instead of a report.")
  boolean json;

  @Override
  public Integer call() {
    Path dir = Cli.kerasModel(kerasModel);
    if (labels != null && !Files.isRegularFile(labels)) {
      throw new IllegalArgumentException("no labels file at " + labels.toAbsolutePath());
    }
    Map<String, Object> report = new LinkedHashMap<>();
    try (KerasConversion conversion =
        KerasModelConverter.convert(dir, labels, BackboneRegistry.load(), deviceOption.device(), seed)) {
      TaskModel model = conversion.model();
      ModelStore.save(model, out, Map.of("importedFrom", dir.toAbsolutePath().toString(),
          "keras", conversion.facts()));
      ModelConfig c = model.config();
      report.put("model", out.toAbsolutePath().toString());
      report.put("backbone", c.backbone());
      report.put("inputSize", c.inputSize());
      report.put("task", c.task());
      report.put("head", c.head());
      report.put("classes", c.classes().size());
      report.put("output", conversion.facts().get("output"));
      report.put("preprocessing", model.preprocessing().description());
      report.put("parameters", model.runtime().variables().parameterCount());
    }
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      Cli.printJson(o, report);
    } else {
      report.forEach((k, v) -> o.printf("%-12s %s%n", k, v));
    }
    o.flush();
    return 0;
  }
}
