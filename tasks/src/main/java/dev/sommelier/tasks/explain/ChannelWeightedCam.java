package dev.sommelier.tasks.explain;

/**
 * The channel-weighted CAM methods (Grad-CAM, Grad-CAM++, XGrad-CAM): one weight per channel
 * ({@link ChannelWeights}), and the map is {@code sum_k w_k A_k}. They differ only in the
 * weights.
 */
final class ChannelWeightedCam implements CamMethod {

  /** The weights of one image of a fetch. */
  @FunctionalInterface
  interface Weights {
    double[] of(LayerFetch f, int b);
  }

  private final String name;
  private final String label;
  private final Weights weights;

  ChannelWeightedCam(String name, String label, Weights weights) {
    this.name = name;
    this.label = label;
    this.weights = weights;
  }

  @Override
  public double[] map(LayerFetch f, int b) {
    double[] w = weights.of(f, b);
    int c = f.channels();
    float[] a = f.activations();
    int base = b * f.imageSize();
    double[] map = new double[f.positions()];
    for (int p = 0; p < map.length; p++) {
      double s = 0;
      for (int k = 0; k < c; k++) {
        s += w[k] * a[base + p * c + k];
      }
      map[p] = s;
    }
    return map;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return name;
  }
}
