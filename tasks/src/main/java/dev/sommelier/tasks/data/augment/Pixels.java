package dev.sommelier.tasks.data.augment;

import java.math.BigDecimal;
import java.util.Random;

/**
 * What the operations share: whole-image sums and clipping (float RGB in [0, 255], HWC), random
 * draws, and numbers for their descriptions.
 */
final class Pixels {

  private Pixels() {}

  /** The mean of each channel over {@code n} floats (whole pixels) at {@code img[offset ..]}. */
  static float[] channelMeans(float[] img, int offset, int n) {
    double[] sum = new double[3];
    for (int i = offset; i < offset + n; i += 3) {
      sum[0] += img[i];
      sum[1] += img[i + 1];
      sum[2] += img[i + 2];
    }
    int pixels = n / 3;
    return new float[] {(float) (sum[0] / pixels), (float) (sum[1] / pixels),
        (float) (sum[2] / pixels)};
  }

  /** Clips {@code n} floats at {@code img[offset ..]} to [0, 255]. */
  static void clip(float[] img, int offset, int n) {
    for (int i = offset; i < offset + n; i++) {
      img[i] = Math.min(255f, Math.max(0f, img[i]));
    }
  }

  /** A number uniform in {@code [-max, max]}. */
  static double symmetric(Random random, double max) {
    return (random.nextDouble() * 2 - 1) * max;
  }

  /** {@code 0.25} as {@code 25}, {@code 0.125} as {@code 12.5}: a fraction as a percentage. */
  static String percent(double fraction) {
    return number(fraction * 100);
  }

  /** A number without a needless fraction: {@code 7.5}, {@code 30}. */
  static String number(double v) {
    double rounded = Math.round(v * 100) / 100.0;
    return rounded == Math.rint(rounded) ? Long.toString((long) rounded)
        : BigDecimal.valueOf(rounded).stripTrailingZeros().toPlainString();
  }
}
