package dev.sommelier.tasks.explain.faithfulness;

import java.util.stream.IntStream;

/**
 * Every faithfulness measure of one map on one image, from one batch through the model ({@link
 * MapScores}): deletion and insertion (Petsiuk et al., RISE, 2018) in the map's order and in a
 * seeded random order, with removed pixels greyed to the image's mean colour and insertion
 * starting from that grey; ROAD's most- and least-relevant-first curves, with removed pixels
 * filled from their neighbours ({@link RoadFill}) at 1/steps to (steps-1)/steps removed; and the
 * image multiplied by the map for the average drop and increase in confidence. With {@code steps}
 * steps the batch holds {@code 6 * steps} images.
 */
public final class MapFaithfulness {

  private final int steps;

  /** Measures in {@code steps} equal steps (at least 2: ROAD needs a step between none and all). */
  public MapFaithfulness(int steps) {
    if (steps < 2) {
      throw new IllegalArgumentException("faithfulness steps must be >= 2, got " + steps);
    }
    this.steps = steps;
  }

  /** Images per measured map. */
  public int batchSize() {
    return 6 * steps;
  }

  /**
   * Measures one map.
   *
   * @param pixels the image at the model's input size, {@code height * width * 3} HWC floats in
   *     [0, 255]
   * @param importance the map at the same size, {@code height * width} non-negative values
   *     (higher = more important)
   * @param scorer runs the model
   * @param seed seeds the random order
   */
  public MapScores measure(float[] pixels, int height, int width, float[] importance,
      BatchScorer scorer, long seed) {
    int n = height * width;
    if (pixels.length != n * 3 || importance.length != n) {
      throw new IllegalArgumentException("expected " + n * 3 + " pixel floats and " + n
          + " map values for " + height + "x" + width + ", got " + pixels.length + " and "
          + importance.length);
    }
    int per = n * 3;
    int[] byMap = DeletionMetric.byImportance(importance);
    int[] random = DeletionMetric.shuffled(n, seed);
    float[] grey = grey(pixels);
    float[] batch = new float[batchSize() * per];
    int at = 0;
    System.arraycopy(pixels, 0, batch, at++ * per, per);
    for (int[] order : new int[][] {byMap, random}) {
      for (int i = 1; i <= steps; i++) {
        System.arraycopy(replaced(pixels, grey, order, share(n, i)), 0, batch, at++ * per, per);
      }
    }
    for (int[] order : new int[][] {byMap, random}) {
      for (int i = 0; i < steps; i++) {
        System.arraycopy(replaced(grey, pixels, order, share(n, i)), 0, batch, at++ * per, per);
      }
    }
    int[] leastFirst = reversed(byMap);
    // The ROAD fills are independent of each other and cost most of a measurement: in parallel.
    int first = at;
    int[][] orders = {byMap, leastFirst};
    IntStream.range(0, 2 * (steps - 1)).parallel().forEach(k -> {
      int[] order = orders[k / (steps - 1)];
      boolean[] removed = new boolean[n];
      for (int j = 0; j < share(n, k % (steps - 1) + 1); j++) {
        removed[order[j]] = true;
      }
      System.arraycopy(RoadFill.fill(pixels, height, width, 3, removed), 0, batch,
          (first + k) * per, per);
    });
    at += 2 * (steps - 1);
    System.arraycopy(masked(pixels, importance), 0, batch, at * per, per);
    float[] s = scorer.scores(batch, batchSize());
    if (s.length != batchSize()) {
      throw new IllegalStateException("scorer returned " + s.length + " scores for "
          + batchSize() + " images");
    }
    float score = s[0];
    return new MapScores(score,
        auc(score, s, 1, true), auc(score, s, 1 + steps, true),
        auc(score, s, 1 + 2 * steps, false), auc(score, s, 1 + 3 * steps, false),
        mean(s, 1 + 4 * steps, steps - 1), mean(s, 5 * steps, steps - 1),
        s[6 * steps - 1]);
  }

  /**
   * The area under a curve of {@code steps + 1} points whose {@code steps} own points start at
   * {@code from}: deletion curves start at the untouched image's {@code score}, insertion curves
   * end at it.
   */
  private double auc(float score, float[] s, int from, boolean deletion) {
    float[] curve = new float[steps + 1];
    System.arraycopy(s, from, curve, deletion ? 1 : 0, steps);
    curve[deletion ? 0 : steps] = score;
    return DeletionCurve.of(curve).auc();
  }

  private static double mean(float[] s, int from, int count) {
    double sum = 0;
    for (int i = 0; i < count; i++) {
      sum += s[from + i];
    }
    return sum / count;
  }

  private int share(int n, int step) {
    return (int) ((long) n * step / steps);
  }

  /** {@code base} with its first {@code count} pixels in {@code order} taken from {@code from}. */
  private static float[] replaced(float[] base, float[] from, int[] order, int count) {
    float[] copy = base.clone();
    for (int j = 0; j < count; j++) {
      int p = order[j] * 3;
      copy[p] = from[p];
      copy[p + 1] = from[p + 1];
      copy[p + 2] = from[p + 2];
    }
    return copy;
  }

  /** The image's mean colour everywhere. */
  private static float[] grey(float[] pixels) {
    double[] sum = new double[3];
    for (int i = 0; i < pixels.length; i++) {
      sum[i % 3] += pixels[i];
    }
    int n = pixels.length / 3;
    float[] grey = new float[pixels.length];
    for (int i = 0; i < grey.length; i++) {
      grey[i] = (float) (sum[i % 3] / n);
    }
    return grey;
  }

  /** The image times the map, the map scaled to a largest value of 1 (all black if it is 0). */
  private static float[] masked(float[] pixels, float[] importance) {
    float max = 0;
    for (float v : importance) {
      max = Math.max(max, v);
    }
    float[] out = new float[pixels.length];
    for (int p = 0; p < importance.length; p++) {
      float w = max > 0 ? Math.max(0, importance[p]) / max : 0;
      for (int c = 0; c < 3; c++) {
        out[p * 3 + c] = pixels[p * 3 + c] * w;
      }
    }
    return out;
  }

  private static int[] reversed(int[] order) {
    int[] r = new int[order.length];
    for (int i = 0; i < order.length; i++) {
      r[i] = order[order.length - 1 - i];
    }
    return r;
  }
}
