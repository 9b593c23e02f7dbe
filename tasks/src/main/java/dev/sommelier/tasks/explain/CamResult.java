package dev.sommelier.tasks.explain;

/**
 * One image's map together with the model's outputs from the same run, so that a caller needs no
 * second pass to label it.
 *
 * @param map the class-activation map at the layer's resolution
 * @param classIndex the explained class (for {@link CamTarget#predictedClass()} the image's top
 *     class); -1 for a regressor's value
 * @param prediction the model's output for the image: class probabilities, or the value
 */
public record CamResult(CamMap map, int classIndex, float[] prediction) {}
