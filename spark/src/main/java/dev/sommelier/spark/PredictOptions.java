package dev.sommelier.spark;

import dev.sommelier.tasks.jobs.predict.PredictSettings;
import java.io.Serializable;

/**
 * What {@link SparkPredict} does.
 *
 * @param model the model directory ({@code sommelier train}'s {@code runs/NAME/model}): a local
 *     path every executor can read, or a Hadoop URI
 * @param pathColumn the column of image paths (local paths, {@code file:} or Hadoop URIs)
 * @param batch images per model run
 * @param top how many of the most probable classes go in the {@code top_k} column; 0 for no
 *     such column
 */
public record PredictOptions(String model, String pathColumn, int batch, int top)
    implements Serializable {

  /** Images per model run: {@code sommelier predict}'s default. */
  public static final int DEFAULT_BATCH = PredictSettings.DEFAULT_BATCH;

  /** Checks the numbers. */
  public PredictOptions {
    if (batch < 1) {
      throw new IllegalArgumentException("--batch must be at least 1, got " + batch);
    }
    if (top < 0) {
      throw new IllegalArgumentException("--top must be 0 or more, got " + top);
    }
  }

  /** The model on the column {@code pathColumn}, default batch, no top-k column. */
  public static PredictOptions of(String model, String pathColumn) {
    return new PredictOptions(model, pathColumn, DEFAULT_BATCH, 0);
  }

  /** The same with {@code top} classes in a {@code top_k} column. */
  public PredictOptions withTop(int top) {
    return new PredictOptions(model, pathColumn, batch, top);
  }

  /** The same with {@code batch} images per model run. */
  public PredictOptions withBatch(int batch) {
    return new PredictOptions(model, pathColumn, batch, top);
  }
}
