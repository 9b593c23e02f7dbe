package dev.sommelier.tasks.eval;

/**
 * The 95 % Wilson score interval of a proportion (an accuracy of {@code k} right answers out of
 * {@code n}): the proportions that a two-sided score test at the 5 % level does not reject.
 * Unlike the plain normal (Wald) interval it stays inside [0, 1] and keeps its coverage for small
 * {@code n} and for proportions near 0 or 1 (Newcombe 1998).
 *
 * @param successes right answers
 * @param n answers
 * @param lower the interval's lower end
 * @param upper the interval's upper end
 */
public record WilsonInterval(int successes, int n, double lower, double upper) {

  /** The normal quantile of a two-sided 95 % interval. */
  public static final double Z95 = 1.959963984540054;

  /**
   * The interval of {@code successes} out of {@code n}.
   *
   * @throws IllegalArgumentException unless {@code 0 <= successes <= n} and {@code n > 0}
   */
  public static WilsonInterval of(int successes, int n) {
    if (n < 1 || successes < 0 || successes > n) {
      throw new IllegalArgumentException(
          "a proportion needs 0 <= successes <= n and n >= 1, got " + successes + " of " + n);
    }
    double p = (double) successes / n;
    double z2 = Z95 * Z95;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denominator;
    double half = Z95 / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
    return new WilsonInterval(successes, n, Math.max(0, centre - half),
        Math.min(1, centre + half));
  }

  /** {@code successes / n}. */
  public double proportion() {
    return (double) successes / n;
  }
}
