package dev.sommelier.tasks.job;

import java.nio.file.Path;
import java.util.List;

/**
 * What a {@link PredictJob} did; also the content of its {@code predictions.json}.
 *
 * @param model the model directory
 * @param out the output folder
 * @param csv one row per image ({@code out/predictions.csv})
 * @param json this result ({@code out/predictions.json})
 * @param classes the model's class names in index order (empty for regression)
 * @param predictions one answer per decoded image, in input order
 * @param skipped the images that could not be decoded, with the reason
 */
public record PredictResult(Path model, Path out, Path csv, Path json, List<String> classes,
    List<PredictedImage> predictions, List<SkippedImage> skipped) {

  /** Copies the lists. */
  public PredictResult {
    classes = List.copyOf(classes);
    predictions = List.copyOf(predictions);
    skipped = List.copyOf(skipped);
  }
}
