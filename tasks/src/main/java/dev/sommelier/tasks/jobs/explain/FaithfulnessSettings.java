package dev.sommelier.tasks.jobs.explain;

import dev.sommelier.core.Device;
import dev.sommelier.tasks.explain.ExplainMethod;
import dev.sommelier.tasks.explain.ExplainMethods;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link FaithfulnessJob} measures.
 *
 * @param model the model directory
 * @param inputs image files and folders (as {@link ExplainSettings#inputs()})
 * @param out the output folder for {@code faithfulness.json}
 * @param methods the methods to compare, in the table's order
 * @param layer the layer the CAM methods explain; null for each method's default
 * @param boxes a CSV of object boxes ({@link dev.sommelier.tasks.explain.pointing.ObjectBoxes})
 *     for the pointing game and the energy in the box; null for none
 * @param steps steps of the deletion, insertion and ROAD curves (at least 2)
 * @param batchSize images per batch
 * @param seed seeds the random orders
 * @param device where the graph runs
 */
public record FaithfulnessSettings(Path model, List<Path> inputs, Path out,
    List<ExplainMethod> methods, String layer, Path boxes, int steps, int batchSize, long seed,
    Device device) {

  /** Default steps of the curves: 10 % of the pixels each. */
  public static final int DEFAULT_STEPS = 10;

  /** Checks the settings. */
  public FaithfulnessSettings {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(device, "device");
    inputs = List.copyOf(inputs);
    methods = List.copyOf(methods);
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("no images given: name image files or folders");
    }
    if (methods.isEmpty()) {
      throw new IllegalArgumentException("no methods given: name at least one of "
          + String.join(", ", ExplainMethods.labels()));
    }
    if (steps < 2) {
      throw new IllegalArgumentException("steps must be >= 2 (ROAD needs a step between none"
          + " and all pixels removed), got " + steps);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }
  }

  /**
   * Settings with the defaults: the cheap methods ({@link ExplainMethods#cheap()}) at their
   * default layers, no boxes, 10 steps, batch 16, seed 0, CPU.
   */
  public static FaithfulnessSettings of(Path model, List<Path> inputs, Path out) {
    return new FaithfulnessSettings(model, inputs, out, ExplainMethods.cheap(), null, null,
        DEFAULT_STEPS, ExplainSettings.DEFAULT_BATCH, 0, Device.CPU);
  }
}
