package dev.sommelier.tools;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.tasks.model.ModelStore;
import dev.sommelier.tasks.model.TaskModel;
import java.io.PrintWriter;
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
 * {@code sommelier export}: writes a model directory as a SavedModel for TensorFlow Serving or
 * Python (signature {@code serving_default}: input {@code image}, preprocessed, output {@code
 * predictions}).
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Exports a Sommelier model as a SavedModel with a serving_default signature"
        + " (input 'image': [batch, size, size, 3], preprocessed as model.json says; output"
        + " 'predictions').",
    footerHeading = "%nExamples:%n",
    footer = {
      "  sommelier export --model runs/guitars/model --out serving/guitars/1",
      "  python -c \"import tensorflow as tf; tf.saved_model.load('serving/guitars/1')\""
    })
final class ExportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--model", paramLabel = "DIR", required = true, description = "A model directory.")
  Path model;

  @Option(names = "--out", paramLabel = "DIR", required = true,
      description = "The SavedModel directory to write (replaced atomically if it exists).")
  Path out;

  @Mixin DeviceOption deviceOption;

  @Option(names = "--json", description = "Print JSON instead of a report.")
  boolean json;

  @Override
  public Integer call() {
    Map<String, Object> report = new LinkedHashMap<>();
    try (TaskModel m = ModelStore.load(model, BackboneRegistry.load(), deviceOption.device())) {
      ModelStore.exportSavedModel(m, out);
      report.put("savedModel", out.toAbsolutePath().toString());
      report.put("input", "image [batch, " + m.config().inputSize() + ", " + m.config().inputSize() + ", 3]");
      report.put("preprocessing", m.preprocessing().description());
      report.put("output", "predictions [batch, " + m.head().outputs() + "]");
    }
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      Cli.printJson(o, report);
    } else {
      report.forEach((k, v) -> o.printf("%-14s %s%n", k, v));
    }
    o.flush();
    return 0;
  }
}
