package dev.sommelier.tasks.jobs.explain;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sommelier.tasks.explain.faithfulness.FaithfulnessMeans;
import dev.sommelier.tasks.explain.pointing.PointingGame;

/**
 * One method's row of a {@link FaithfulnessResult}.
 *
 * @param method the method's command-line name
 * @param layer what its maps are of (a layer, several joined by {@code +}, or {@code input})
 * @param means the deletion, insertion, ROAD and confidence numbers over every image
 * @param pointing the pointing game over the images with a box; null without boxes
 * @param energyInBox the mean share of the map's energy inside the box; null without boxes
 * @param msPerImage wall time of making the maps, per image (the faithfulness runs left out)
 * @param timesForward {@code msPerImage} over the time of one forward pass per image
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MethodFaithfulness(String method, String layer, FaithfulnessMeans means,
    PointingGame pointing, Double energyInBox, double msPerImage, double timesForward) {}
