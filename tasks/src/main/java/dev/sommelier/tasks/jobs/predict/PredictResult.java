package dev.sommelier.tasks.jobs.predict;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.sommelier.tasks.jobs.KnownTruth;
import dev.sommelier.tasks.jobs.SkippedImage;
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
 * @param predictions one answer per decoded image, in input order (marked right or wrong where the
 *     image's folder names its class)
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

  /** The accuracy over the images with a known class; null when none has one. */
  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public KnownTruth knownTruth() {
    return KnownTruth.of(predictions.stream().map(PredictedImage::correct).toList());
  }
}
