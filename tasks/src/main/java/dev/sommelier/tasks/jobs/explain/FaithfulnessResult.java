package dev.sommelier.tasks.jobs.explain;

import dev.sommelier.tasks.jobs.SkippedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * What a {@link FaithfulnessJob} measured; also the content of its {@code faithfulness.json}.
 *
 * @param model the model directory
 * @param json this result ({@code out/faithfulness.json})
 * @param images the images measured
 * @param boxedImages of those, the images with an object box
 * @param boxes the boxes file; null without one
 * @param steps steps of the curves
 * @param forwardMsPerImage wall time of one forward pass per image, in batches as the maps
 * @param methods one row per method, in the order asked for
 * @param skipped the images that could not be decoded, with the reason
 */
public record FaithfulnessResult(Path model, Path json, int images, int boxedImages, Path boxes,
    int steps, double forwardMsPerImage, List<MethodFaithfulness> methods,
    List<SkippedImage> skipped) {

  /** Copies the lists. */
  public FaithfulnessResult {
    methods = List.copyOf(methods);
    skipped = List.copyOf(skipped);
  }
}
