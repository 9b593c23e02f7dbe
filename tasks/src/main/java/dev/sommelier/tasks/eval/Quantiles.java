package dev.sommelier.tasks.eval;

/**
 * Quantiles by linear interpolation between order statistics (numpy's default, Hyndman and Fan
 * type 7): quantile p of sorted {@code x_0..x_{n-1}} sits at position {@code h = (n - 1) p}.
 */
final class Quantiles {

  private Quantiles() {}

  /**
   * Quantile {@code p} of a sorted, non-empty array.
   *
   * @param sorted values in ascending order
   * @param p the quantile, in [0, 1]
   */
  static double of(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int below = (int) Math.floor(h);
    int above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
  }
}
