package dev.sommelier.spark;

import dev.sommelier.tasks.jobs.predict.PredictSettings;
import java.io.Serializable;

/**
 * What {@link SparkFeatures} does.
 *
 * @param model the model directory whose backbone (and weights) computes the features: a
 *     trained model, or an imported Keras backbone ({@code sommelier import})
 * @param pathColumn the column of image paths (local paths, {@code file:} or Hadoop URIs)
 * @param batch images per backbone run
 */
public record FeatureOptions(String model, String pathColumn, int batch) implements Serializable {

  /** Images per backbone run: {@code sommelier predict}'s default. */
  public static final int DEFAULT_BATCH = PredictSettings.DEFAULT_BATCH;

  /** Checks the batch. */
  public FeatureOptions {
    if (batch < 1) {
      throw new IllegalArgumentException("--batch must be at least 1, got " + batch);
    }
  }

  /** The model on the column {@code pathColumn}, default batch. */
  public static FeatureOptions of(String model, String pathColumn) {
    return new FeatureOptions(model, pathColumn, DEFAULT_BATCH);
  }
}
