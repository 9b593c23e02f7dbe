package dev.sommelier.backbones.keras;

/**
 * The saved model's own computation, run by TensorFlow as Keras saved it, to check a rebuild
 * against (a SavedModel's {@code serving_default}).
 */
public interface ReferenceModel {

  /**
   * Runs the saved model on {@code n} images of {@code size x size x 3}, given as the model's own
   * input expects them, and returns its output, row-major.
   */
  float[] run(float[] images, int n, int size);

  /** What runs, for messages: {@code serving_default of /path/to/model}. */
  String description();
}
