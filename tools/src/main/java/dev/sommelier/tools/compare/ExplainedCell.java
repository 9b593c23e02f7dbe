package dev.sommelier.tools.compare;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.file.Path;

/**
 * One run's explanation of one test image.
 *
 * @param answer the run's most probable class
 * @param probability its probability
 * @param correct whether it is the image's true class
 * @param overlay the Grad-CAM heat map over the image (PNG)
 * @param deletionAuc the area under the deletion curve of the map (lower: the map found the
 *     evidence sooner)
 * @param peakX column of the map's maximum, in the image's pixels
 * @param peakY row of the map's maximum, in the image's pixels
 * @param peakInBox whether the peak lies inside one of the image's object boxes (the pointing
 *     game); null when the image has no box
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExplainedCell(String answer, float probability, boolean correct, Path overlay,
    double deletionAuc, int peakX, int peakY, Boolean peakInBox) {}
