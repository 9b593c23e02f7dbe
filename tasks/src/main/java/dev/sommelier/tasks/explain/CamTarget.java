package dev.sommelier.tasks.explain;

/**
 * What a class-activation map explains: one score per image, whose gradient with respect to the
 * explained layer weights that layer's channels. Small value objects, as in pytorch-grad-cam.
 */
public sealed interface CamTarget {

  /** The logit (pre-softmax score) of class {@code classIndex}. */
  static CamTarget classLogit(int classIndex) {
    return new ClassLogit(classIndex);
  }

  /** The softmax probability of class {@code classIndex}. */
  static CamTarget classProbability(int classIndex) {
    return new ClassProbability(classIndex);
  }

  /** The logit of each image's own most probable class. */
  static CamTarget predictedClass() {
    return new PredictedClass();
  }

  /**
   * A regressor's value.
   *
   * @param raising true to explain what raises the value, false for what lowers it (the gradient
   *     of {@code -value})
   */
  static CamTarget value(boolean raising) {
    return new Value(raising);
  }

  /** See {@link CamTarget#classLogit}. */
  record ClassLogit(int classIndex) implements CamTarget {}

  /** See {@link CamTarget#classProbability}. */
  record ClassProbability(int classIndex) implements CamTarget {}

  /** See {@link CamTarget#predictedClass}. */
  record PredictedClass() implements CamTarget {}

  /** See {@link CamTarget#value}. */
  record Value(boolean raising) implements CamTarget {}
}
