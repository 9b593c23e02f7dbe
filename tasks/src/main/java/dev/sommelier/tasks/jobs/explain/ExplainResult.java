package dev.sommelier.tasks.jobs.explain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.sommelier.tasks.explain.ExplainMethod;
import dev.sommelier.tasks.explain.faithfulness.FaithfulnessSummary;
import dev.sommelier.tasks.jobs.KnownTruth;
import dev.sommelier.tasks.jobs.SkippedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * What an {@link ExplainJob} did; also the content of its {@code explanations.json}.
 *
 * @param model the model directory
 * @param out the output folder
 * @param json this result ({@code out/explanations.json})
 * @param contactSheets the contact sheets, a row per image (one sheet per 50 images)
 * @param layer the explained layer
 * @param method how the maps were made
 * @param images one entry per decoded image, in input order (marked right or wrong where the image's
 *     folder names its class)
 * @param skipped the images that could not be decoded, with the reason
 * @param faithfulness the deletion numbers averaged over every map
 */
public record ExplainResult(Path model, Path out, Path json, List<Path> contactSheets,
    String layer, ExplainMethod method, List<ExplainedImage> images, List<SkippedImage> skipped,
    FaithfulnessSummary faithfulness) {

  /** Copies the lists. */
  public ExplainResult {
    contactSheets = List.copyOf(contactSheets);
    images = List.copyOf(images);
    skipped = List.copyOf(skipped);
  }

  /** The accuracy over the images with a known class; null when none has one. */
  @JsonProperty
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public KnownTruth knownTruth() {
    return KnownTruth.of(images.stream().map(ExplainedImage::correct).toList());
  }
}
