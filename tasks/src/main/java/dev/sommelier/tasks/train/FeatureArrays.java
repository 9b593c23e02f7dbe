package dev.sommelier.tasks.train;

/**
 * The backbone features and training targets of {@code n} images, in sample order, as head-only
 * training reuses them.
 *
 * @param features {@code n * featureSize} floats, one row per image
 * @param targets {@code n * k} floats, one row per image (one-hot classes, or the value)
 * @param n the number of images
 */
public record FeatureArrays(float[] features, float[] targets, int n) {

  /** Checks that both arrays hold whole rows of {@code n} images. */
  public FeatureArrays {
    if (n < 1 || features.length % n != 0 || targets.length % n != 0) {
      throw new IllegalArgumentException(n + " images do not divide " + features.length
          + " features and " + targets.length + " targets");
    }
  }

  /** Floats per image in {@link #features}. */
  public int featureSize() {
    return features.length / n;
  }
}
