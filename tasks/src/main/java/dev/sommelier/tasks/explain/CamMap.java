package dev.sommelier.tasks.explain;

/**
 * One image's class-activation map at the explained layer's resolution, before upsampling.
 *
 * @param height rows of the layer's feature map
 * @param width columns of the layer's feature map
 * @param values {@code height * width} non-negative values, row-major, normalised so the largest
 *     is 1 (all 0 when nothing in the image raises the target)
 * @param target what was explained, e.g. {@code class 'cello' (logit)} or {@code value, raising}
 * @param score the target score of this image: the logit or probability of the explained class,
 *     or a regressor's value (the value itself also when explaining what lowers it)
 */
public record CamMap(int height, int width, float[] values, String target, float score) {}
