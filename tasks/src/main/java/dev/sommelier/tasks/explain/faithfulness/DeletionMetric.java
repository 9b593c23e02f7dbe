package dev.sommelier.tasks.explain.faithfulness;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The deletion metric (as in pytorch-grad-cam's and Captum's faithfulness checks): in {@code
 * steps} equal steps, the pixels the map ranks highest are greyed out to the image's mean colour
 * and the target is scored again; the same with pixels in a seeded random order. The untouched
 * image and every perturbed copy of both orders go through the model in one batch.
 */
public final class DeletionMetric {

  /** Default number of steps: 10% of the pixels each. */
  public static final int DEFAULT_STEPS = 10;

  private final int steps;

  /** A metric that removes the pixels in {@code steps} equal steps. */
  public DeletionMetric(int steps) {
    if (steps < 1) {
      throw new IllegalArgumentException("deletion steps must be >= 1, got " + steps);
    }
    this.steps = steps;
  }

  /**
   * Measures one map.
   *
   * @param pixels the image at the model's input size, {@code height * width * 3} HWC floats in
   *     [0, 255]
   * @param importance the map at the same size, {@code height * width} values (higher = more
   *     important)
   * @param scorer runs the model
   * @param seed seeds the random order
   */
  public Faithfulness measure(float[] pixels, int height, int width, float[] importance,
      BatchScorer scorer, long seed) {
    int n = height * width;
    if (pixels.length != n * 3 || importance.length != n) {
      throw new IllegalArgumentException("expected " + n * 3 + " pixel floats and " + n
          + " map values for " + height + "x" + width + ", got " + pixels.length + " and "
          + importance.length);
    }
    float[] mean = channelMeans(pixels);
    int per = n * 3;
    float[] batch = new float[(1 + 2 * steps) * per];
    System.arraycopy(pixels, 0, batch, 0, per);
    perturb(pixels, mean, byImportance(importance), batch, 1);
    perturb(pixels, mean, shuffled(n, seed), batch, 1 + steps);
    float[] s = scorer.scores(batch, 1 + 2 * steps);
    if (s.length != 1 + 2 * steps) {
      throw new IllegalStateException("scorer returned " + s.length + " scores for "
          + (1 + 2 * steps) + " images");
    }
    float[] map = new float[steps + 1];
    float[] random = new float[steps + 1];
    map[0] = s[0];
    random[0] = s[0];
    System.arraycopy(s, 1, map, 1, steps);
    System.arraycopy(s, 1 + steps, random, 1, steps);
    return new Faithfulness(DeletionCurve.of(map), DeletionCurve.of(random));
  }

  /** Writes copies {@code first .. first + steps - 1}: step {@code i} removes {@code i/steps}. */
  private void perturb(float[] pixels, float[] mean, int[] order, float[] batch, int first) {
    int n = order.length;
    int per = n * 3;
    float[] copy = pixels.clone();
    int removed = 0;
    for (int step = 1; step <= steps; step++) {
      int upTo = (int) ((long) n * step / steps);
      for (; removed < upTo; removed++) {
        int p = order[removed] * 3;
        copy[p] = mean[0];
        copy[p + 1] = mean[1];
        copy[p + 2] = mean[2];
      }
      System.arraycopy(copy, 0, batch, (first + step - 1) * per, per);
    }
  }

  private static float[] channelMeans(float[] pixels) {
    double[] sum = new double[3];
    for (int i = 0; i < pixels.length; i++) {
      sum[i % 3] += pixels[i];
    }
    int n = pixels.length / 3;
    return new float[] {(float) (sum[0] / n), (float) (sum[1] / n), (float) (sum[2] / n)};
  }

  /** Pixel indices, most important first; ties keep index order. */
  static int[] byImportance(float[] importance) {
    long[] keys = new long[importance.length];
    for (int i = 0; i < keys.length; i++) {
      // ascending keys = descending values: the complement of the float's order-preserving bits
      keys[i] = (long) ~sortableBits(importance[i]) << 32 | i;
    }
    Arrays.sort(keys);
    int[] order = new int[keys.length];
    for (int i = 0; i < keys.length; i++) {
      order[i] = (int) (keys[i] & 0xFFFFFFFFL);
    }
    return order;
  }

  /** An int whose signed order is the float's order (NaN counts as least important). */
  private static int sortableBits(float v) {
    if (Float.isNaN(v)) {
      return Integer.MIN_VALUE;
    }
    int bits = Float.floatToIntBits(v == 0f ? 0f : v);
    return bits >= 0 ? bits : bits ^ Integer.MAX_VALUE;
  }

  /** The pixel indices {@code 0 .. n-1} in a seeded random order. */
  static int[] shuffled(int n, long seed) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }
}
