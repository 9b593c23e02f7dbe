package dev.sommelier.tasks.explain.faithfulness;

/** The explained target's score for a batch of images, from one run of the model. */
@FunctionalInterface
public interface BatchScorer {

  /**
   * Scores {@code n} images.
   *
   * @param pixels {@code n} images of the model's input size, HWC floats in [0, 255] (not yet
   *     preprocessed)
   * @param n number of images
   * @return the target score of each image
   */
  float[] scores(float[] pixels, int n);
}
