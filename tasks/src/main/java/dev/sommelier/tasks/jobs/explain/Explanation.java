package dev.sommelier.tasks.jobs.explain;

import dev.sommelier.tasks.explain.faithfulness.Faithfulness;
import java.nio.file.Path;

/**
 * One explained target of one image.
 *
 * @param target what was explained, e.g. {@code class 'circle' (logit)}
 * @param score the target's score on the image
 * @param peakX column of the map's maximum, in the original image's pixels
 * @param peakY row of the map's maximum, in the original image's pixels
 * @param overlay the heat map over the image (PNG, the image's size)
 * @param rawPng the map at the layer's resolution as 16-bit grayscale
 * @param rawCsv the map at the layer's resolution as CSV
 * @param rawNpy the map at the layer's resolution as a NumPy {@code float32} array
 * @param faithfulness the deletion curves of the map and of a random order, scoring the explained
 *     class's probability (or the value)
 */
public record Explanation(String target, float score, int peakX, int peakY, Path overlay,
    Path rawPng, Path rawCsv, Path rawNpy, Faithfulness faithfulness) {}
