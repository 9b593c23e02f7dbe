package dev.sommelier.spark;

import dev.sommelier.tasks.jobs.explain.ExplainSettings;
import java.io.Serializable;

/**
 * What {@link SparkExplain} does.
 *
 * @param model the model directory: a local path every executor can read, or a Hadoop URI
 * @param pathColumn the column of image paths (local paths, {@code file:} or Hadoop URIs)
 * @param batch images per model run
 * @param method how the map is made, a name of {@code sommelier explain --method} ({@code
 *     gradcam}, {@code gradcam++}, ...)
 * @param layer the explained layer, or null for the method's default (the backbone's Grad-CAM
 *     layer)
 * @param className the class to explain in every image, or null for each image's most probable
 *     class (a regressor: its value)
 * @param overlays a folder (local path or Hadoop URI) for each image's heat map over the image as
 *     PNG, or null for none
 */
public record ExplainOptions(String model, String pathColumn, int batch, String method,
    String layer, String className, String overlays) implements Serializable {

  /** Images per model run: {@code sommelier explain}'s default. */
  public static final int DEFAULT_BATCH = ExplainSettings.DEFAULT_BATCH;

  /** Checks the batch. */
  public ExplainOptions {
    if (batch < 1) {
      throw new IllegalArgumentException("--batch must be at least 1, got " + batch);
    }
  }

  /** Grad-CAM at the default layer of each image's answer, no overlays. */
  public static ExplainOptions of(String model, String pathColumn) {
    return new ExplainOptions(model, pathColumn, DEFAULT_BATCH, "gradcam", null, null, null);
  }

  /** The same, writing overlays to {@code folder}. */
  public ExplainOptions withOverlays(String folder) {
    return new ExplainOptions(model, pathColumn, batch, method, layer, className, folder);
  }

  /** The same, explaining {@code name} in every image. */
  public ExplainOptions withClass(String name) {
    return new ExplainOptions(model, pathColumn, batch, method, layer, name, overlays);
  }
}
