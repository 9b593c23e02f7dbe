package dev.sommelier.tasks.data.augment;

import java.util.Random;

/**
 * Salt-and-pepper noise: a fraction uniform in {@code [0, strength * MAX_FRACTION]} of the pixels
 * set to black or white.
 */
final class SaltPepper {

  /** The largest fraction of pixels changed, at strength 1. */
  static final double MAX_FRACTION = 0.1;

  private SaltPepper() {}

  static void apply(float[] img, int offset, int height, int width, double strength,
      Random random) {
    int pixels = height * width;
    int count = (int) Math.round(random.nextDouble() * strength * MAX_FRACTION * pixels);
    for (int k = 0; k < count; k++) {
      int p = offset + random.nextInt(pixels) * 3;
      float v = random.nextBoolean() ? 255f : 0f;
      img[p] = v;
      img[p + 1] = v;
      img[p + 2] = v;
    }
  }

  static String describe(double strength) {
    return "up to " + Pixels.percent(strength * MAX_FRACTION) + " % of the pixels set to black"
        + " or white";
  }
}
