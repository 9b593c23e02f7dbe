package dev.sommelier.tasks.jobs.predict;

import dev.sommelier.core.Device;
import dev.sommelier.tasks.jobs.ImageInputs;
import dev.sommelier.tasks.model.InferenceOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link PredictJob} predicts.
 *
 * @param model the model directory
 * @param inputs image files and folders (a folder stands for the jpg, jpeg, png, bmp and gif files
 *     in it and in its sub-folders at any depth, in natural order of their names; see {@link
 *     ImageInputs})
 * @param batchSize images per batch
 * @param device where the graph runs
 * @param inference how the model is opened: frozen or not, its precision (default {@link
 *     InferenceOptions#DEFAULT}: frozen, float32)
 * @param out the output folder, where {@code predictions.csv} and {@code predictions.json} go
 */
public record PredictSettings(
    Path model, List<Path> inputs, int batchSize, Device device, InferenceOptions inference,
    Path out) {

  /** Default images per batch. */
  public static final int DEFAULT_BATCH = 32;

  /** Checks the required settings. */
  public PredictSettings {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(inference, "inference");
    Objects.requireNonNull(out, "out");
    inputs = List.copyOf(inputs);
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("no images given: name image files or folders");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }
  }

  /** Settings opening the model frozen, in float32. */
  public PredictSettings(Path model, List<Path> inputs, int batchSize, Device device, Path out) {
    this(model, inputs, batchSize, device, InferenceOptions.DEFAULT, out);
  }

  /** Settings with batch 32 on the CPU. */
  public static PredictSettings of(Path model, List<Path> inputs, Path out) {
    return new PredictSettings(model, inputs, DEFAULT_BATCH, Device.CPU, out);
  }
}
