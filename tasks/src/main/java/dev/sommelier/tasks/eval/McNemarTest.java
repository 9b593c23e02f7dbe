package dev.sommelier.tasks.eval;

/**
 * McNemar's test of two classifiers answering the same images: do they differ beyond chance? Only
 * the discordant images count: {@code onlyFirst} that the first gets right and the second wrong,
 * {@code onlySecond} the reverse. Under the hypothesis of equal accuracy each discordant image is
 * a fair coin. With fewer than {@value #EXACT_BELOW} discordant images the p-value is the exact
 * two-sided binomial one, {@code min(1, 2 P(X <= min(b, c)))} for {@code X ~ Bin(b + c, 1/2)};
 * otherwise it is the chi-square test with Edwards's continuity correction, {@code (|b - c| -
 * 1)^2 / (b + c)} on one degree of freedom.
 *
 * @param onlyFirst images the first gets right and the second wrong (b)
 * @param onlySecond images the second gets right and the first wrong (c)
 * @param method {@link #EXACT} or {@link #CHI_SQUARE}
 * @param statistic the chi-square statistic; NaN for the exact test
 * @param pValue the two-sided p-value
 */
public record McNemarTest(int onlyFirst, int onlySecond, String method, double statistic,
    double pValue) {

  /** Discordant images from which on the chi-square form is used. */
  public static final int EXACT_BELOW = 25;
  /** The exact binomial form's name. */
  public static final String EXACT = "exact binomial";
  /** The chi-square form's name. */
  public static final String CHI_SQUARE = "chi-square with continuity correction";

  /**
   * The test on paired answers: {@code first[i]} and {@code second[i]} say whether each
   * classifier got image {@code i} right.
   *
   * @throws IllegalArgumentException when the lists differ in length
   */
  public static McNemarTest of(boolean[] first, boolean[] second) {
    if (first.length != second.length) {
      throw new IllegalArgumentException("McNemar's test pairs answers on the same images; got "
          + first.length + " and " + second.length + " answers");
    }
    int b = 0;
    int c = 0;
    for (int i = 0; i < first.length; i++) {
      if (first[i] && !second[i]) {
        b++;
      } else if (second[i] && !first[i]) {
        c++;
      }
    }
    return of(b, c);
  }

  /** The test on the discordant counts. */
  public static McNemarTest of(int onlyFirst, int onlySecond) {
    if (onlyFirst < 0 || onlySecond < 0) {
      throw new IllegalArgumentException(
          "discordant counts must be >= 0, got " + onlyFirst + " and " + onlySecond);
    }
    int n = onlyFirst + onlySecond;
    if (n < EXACT_BELOW) {
      return new McNemarTest(onlyFirst, onlySecond, EXACT, Double.NaN,
          exactPValue(Math.min(onlyFirst, onlySecond), n));
    }
    double d = Math.abs(onlyFirst - onlySecond) - 1.0;
    double statistic = Math.max(0, d) * Math.max(0, d) / n;
    return new McNemarTest(onlyFirst, onlySecond, CHI_SQUARE, statistic,
        chiSquarePValue(statistic));
  }

  /** Whether the difference is significant at the 5 % level. */
  public boolean significant() {
    return pValue < 0.05;
  }

  /** {@code min(1, 2 P(X <= k))} for {@code X ~ Bin(n, 1/2)}; 1 when {@code n = 0}. */
  static double exactPValue(int k, int n) {
    double term = Math.pow(0.5, n); // C(n, 0) / 2^n
    double tail = term;
    for (int i = 1; i <= k; i++) {
      term = term * (n - i + 1) / i;
      tail += term;
    }
    return Math.min(1, 2 * tail);
  }

  /**
   * The upper tail of chi-square with one degree of freedom: {@code P(Z^2 > x) = erfc(sqrt(x /
   * 2))}.
   */
  static double chiSquarePValue(double x) {
    return erfc(Math.sqrt(x / 2));
  }

  /**
   * The complementary error function for {@code x >= 0}, by the Chebyshev fit of Numerical
   * Recipes ({@code erfcc}), relative error below 1.2e-7.
   */
  private static double erfc(double x) {
    double t = 1 / (1 + 0.5 * x);
    double poly = -x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
        + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
        + t * (-0.82215223 + t * 0.17087277))))))));
    return t * Math.exp(poly);
  }
}
