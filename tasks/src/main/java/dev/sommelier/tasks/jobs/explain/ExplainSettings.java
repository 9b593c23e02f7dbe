package dev.sommelier.tasks.jobs.explain;

import dev.sommelier.core.Device;
import dev.sommelier.tasks.explain.CamMethod;
import dev.sommelier.tasks.explain.ExplainMethod;
import dev.sommelier.tasks.explain.faithfulness.DeletionMetric;
import dev.sommelier.tasks.jobs.ImageInputs;
import dev.sommelier.tasks.model.InferenceOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What an {@link ExplainJob} explains.
 *
 * @param model the model directory
 * @param inputs image files and folders (a folder stands for the jpg, jpeg, png, bmp and gif files
 *     in it and in its sub-folders at any depth, in natural order of their names; see {@link
 *     dev.sommelier.tasks.jobs.ImageInputs})
 * @param out the output folder
 * @param layer the layer to explain; null for the method's default (the backbone's Grad-CAM
 *     layer; for LayerCAM fusion a comma-separated list)
 * @param method how the map is made ({@link dev.sommelier.tasks.explain.ExplainMethods})
 * @param className the class (or label) to explain in every image; null to explain the {@code
 *     top} most probable classes of each image (of a multi-label model: each label at or over its
 *     threshold, and at least the {@code top} most probable)
 * @param top how many of each image's most probable classes to explain (not for a regressor)
 * @param batchSize images per batch
 * @param deletionSteps steps of the deletion metric (each removes {@code 1/steps} of the pixels)
 * @param seed seeds the random order of the deletion metric's baseline
 * @param device where the graph runs
 * @param inference how the model is opened: frozen or not, its precision (default {@link
 *     InferenceOptions#DEFAULT}: frozen, float32)
 */
public record ExplainSettings(Path model, List<Path> inputs, Path out, String layer,
    ExplainMethod method, String className, int top, int batchSize, int deletionSteps, long seed,
    Device device, InferenceOptions inference) {

  /** Default images per batch. */
  public static final int DEFAULT_BATCH = 16;

  /** Checks the settings. */
  public ExplainSettings {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(inference, "inference");
    inputs = List.copyOf(inputs);
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("no images given: name image files or folders");
    }
    if (top < 1) {
      throw new IllegalArgumentException("top must be >= 1, got " + top);
    }
    if (className != null && top != 1) {
      throw new IllegalArgumentException("give a class name or a top count, not both");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }
    if (deletionSteps < 1) {
      throw new IllegalArgumentException("deletion steps must be >= 1, got " + deletionSteps);
    }
  }

  /** A builder with the defaults: default layer, Grad-CAM, top 1, batch 16, 10 steps, CPU. */
  public static Builder builder(Path model, List<Path> inputs, Path out) {
    return new Builder(model, inputs, out);
  }

  /** Collects settings. */
  public static final class Builder {
    private final Path model;
    private final List<Path> inputs;
    private final Path out;
    private String layer;
    private ExplainMethod method = CamMethod.GRAD_CAM;
    private String className;
    private int top = 1;
    private int batchSize = DEFAULT_BATCH;
    private int deletionSteps = DeletionMetric.DEFAULT_STEPS;
    private long seed;
    private Device device = Device.CPU;
    private InferenceOptions inference = InferenceOptions.DEFAULT;

    private Builder(Path model, List<Path> inputs, Path out) {
      this.model = model;
      this.inputs = inputs;
      this.out = out;
    }

    /** The layer to explain (default: the backbone's Grad-CAM layer). */
    public Builder layer(String layer) {
      this.layer = layer;
      return this;
    }

    /** How the map is made (default Grad-CAM). */
    public Builder method(ExplainMethod method) {
      this.method = method;
      return this;
    }

    /** Explains this class in every image (default: each image's most probable classes). */
    public Builder className(String className) {
      this.className = className;
      return this;
    }

    /** Explains each image's {@code top} most probable classes (default 1). */
    public Builder top(int top) {
      this.top = top;
      return this;
    }

    /** Images per batch (default 16). */
    public Builder batchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    /** Steps of the deletion metric (default 10). */
    public Builder deletionSteps(int deletionSteps) {
      this.deletionSteps = deletionSteps;
      return this;
    }

    /** Seed of the deletion metric's random baseline (default 0). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Where the graph runs (default CPU). */
    public Builder device(Device device) {
      this.device = device;
      return this;
    }

    /** How the model is opened (default frozen, float32). */
    public Builder inference(InferenceOptions inference) {
      this.inference = inference;
      return this;
    }

    /** The settings. */
    public ExplainSettings build() {
      return new ExplainSettings(model, inputs, out, layer, method, className, top, batchSize,
          deletionSteps, seed, device, inference);
    }
  }
}
