package dev.sommelier.tasks;

/** How alike two maps of one size are, for tests that compare explanations. */
public final class MapCorrelation {

  private MapCorrelation() {}

  /** Pearson correlation of {@code a} and {@code b}; 1 for two constant maps. */
  public static double of(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(a.length + " values against " + b.length);
    }
    double ma = 0;
    double mb = 0;
    for (int i = 0; i < a.length; i++) {
      ma += a[i] / (double) a.length;
      mb += b[i] / (double) b.length;
    }
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (int i = 0; i < a.length; i++) {
      ab += (a[i] - ma) * (b[i] - mb);
      aa += (a[i] - ma) * (a[i] - ma);
      bb += (b[i] - mb) * (b[i] - mb);
    }
    return aa == 0 && bb == 0 ? 1 : ab / Math.sqrt(aa * bb);
  }
}
