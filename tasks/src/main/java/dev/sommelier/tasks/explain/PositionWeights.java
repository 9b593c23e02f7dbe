package dev.sommelier.tasks.explain;

/** Maps whose weights vary by position: {@code sum_k w(g_k) * A_k} at each cell. */
final class PositionWeights {

  private PositionWeights() {}

  /**
   * {@code sum_k g_k * A_k} at each cell of image {@code b}, with each gradient clipped at 0 first
   * when {@code positiveGradients}.
   */
  static double[] sum(LayerFetch f, int b, boolean positiveGradients) {
    int c = f.channels();
    float[] a = f.activations();
    float[] g = f.gradients();
    int base = b * f.imageSize();
    double[] map = new double[f.positions()];
    for (int p = 0; p < map.length; p++) {
      double s = 0;
      for (int k = 0; k < c; k++) {
        int i = base + p * c + k;
        double gi = positiveGradients ? Math.max(0, g[i]) : g[i];
        s += gi * a[i];
      }
      map[p] = s;
    }
    return map;
  }
}
