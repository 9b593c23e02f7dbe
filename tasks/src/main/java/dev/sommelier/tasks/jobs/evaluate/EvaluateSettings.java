package dev.sommelier.tasks.jobs.evaluate;

import dev.sommelier.core.Device;
import dev.sommelier.tasks.data.source.DataSource;
import dev.sommelier.tasks.data.split.SplitRatios;
import dev.sommelier.tasks.model.InferenceOptions;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * What an {@link EvaluateJob} evaluates: a model directory on a data set, whole or one part of its
 * split. Build with {@link #builder}.
 *
 * @param model the model directory
 * @param data where images and labels come from
 * @param part which samples (default {@link Part#ALL})
 * @param split ratios of the split a part is taken from, or null for the split the model was
 *     trained with (6:4 if none is recorded)
 * @param seed seed of that split, or null for the model's training seed (42 if none is recorded)
 * @param batchSize images per batch (default 32)
 * @param workers threads decoding images (default: available processors)
 * @param device where the graph runs (default cpu)
 * @param inference how the model is opened: frozen or not, its precision (default {@link
 *     InferenceOptions#DEFAULT}: frozen, float32)
 * @param out the output folder, where {@code evaluation.json} goes
 */
public record EvaluateSettings(
    Path model,
    DataSource data,
    Part part,
    SplitRatios split,
    Long seed,
    int batchSize,
    int workers,
    Device device,
    InferenceOptions inference,
    Path out) {

  /** Which samples of the data set are evaluated. */
  public enum Part {
    /** Every sample. */
    ALL,
    /** The train part of the split. */
    TRAIN,
    /** The validation part of the split. */
    VALIDATION,
    /** The test part of the split. */
    TEST;

    /** {@code test}: the name as options and reports write it. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code all}, {@code train}, {@code validation} (or {@code val}) or {@code test}.
     *
     * @throws IllegalArgumentException naming the accepted names
     */
    public static Part parse(String text) {
      String t = text.strip().toLowerCase(Locale.ROOT);
      return switch (t) {
        case "all" -> ALL;
        case "train" -> TRAIN;
        case "validation", "val" -> VALIDATION;
        case "test" -> TEST;
        default -> throw new IllegalArgumentException(
            "unknown part '" + text + "': use all, train, validation or test");
      };
    }
  }

  /** Checks the required settings and the sizes. */
  public EvaluateSettings {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(part, "part");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(inference, "inference");
    Objects.requireNonNull(out, "out");
    if (batchSize < 1 || workers < 1) {
      throw new IllegalArgumentException(
          "batch size and workers must be >= 1, got " + batchSize + " and " + workers);
    }
    if (split != null && data.presplit()) {
      throw new IllegalArgumentException(
          "the data come split in train/val/test folders; a split ratio does not apply");
    }
  }

  /** Settings for the model in {@code model} on {@code data}, written under {@code out}. */
  public static Builder builder(Path model, DataSource data, Path out) {
    return new Builder(model, data, out);
  }

  /** Collects settings; everything but the model, the data and the output has a default. */
  public static final class Builder {
    private final Path model;
    private final DataSource data;
    private final Path out;
    private Part part = Part.ALL;
    private SplitRatios split;
    private Long seed;
    private int batchSize = 32;
    private int workers = Runtime.getRuntime().availableProcessors();
    private Device device = Device.CPU;
    private InferenceOptions inference = InferenceOptions.DEFAULT;

    private Builder(Path model, DataSource data, Path out) {
      this.model = model;
      this.data = data;
      this.out = out;
    }

    /** Which samples (default all). */
    public Builder part(Part part) {
      this.part = part;
      return this;
    }

    /** Split ratios (default: the model's). */
    public Builder split(SplitRatios split) {
      this.split = split;
      return this;
    }

    /** Split seed (default: the model's). */
    public Builder seed(Long seed) {
      this.seed = seed;
      return this;
    }

    /** Images per batch (default 32). */
    public Builder batchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    /** Decoding threads (default: available processors). */
    public Builder workers(int workers) {
      this.workers = workers;
      return this;
    }

    /** The device (default cpu). */
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
    public EvaluateSettings build() {
      return new EvaluateSettings(
          model, data, part, split, seed, batchSize, workers, device, inference, out);
    }
  }
}
