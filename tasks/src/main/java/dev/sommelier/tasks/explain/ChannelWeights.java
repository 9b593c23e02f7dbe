package dev.sommelier.tasks.explain;

/**
 * The one thing the CAM methods differ in: how much each channel of the explained layer counts.
 * Both read one image of a {@link LayerFetch} (layout {@code [height * width, channels]}).
 */
final class ChannelWeights {

  private ChannelWeights() {}

  /** The weights of {@code method} for image {@code b}. */
  static double[] of(CamMethod method, LayerFetch f, int b) {
    return switch (method) {
      case GRAD_CAM -> gradCam(f, b);
      case GRAD_CAM_PLUS_PLUS -> gradCamPlusPlus(f, b);
    };
  }

  /** Grad-CAM: the spatial mean of each channel's gradients. */
  static double[] gradCam(LayerFetch f, int b) {
    int c = f.channels();
    int positions = f.height() * f.width();
    float[] g = f.gradients();
    int base = b * f.imageSize();
    double[] w = new double[c];
    for (int p = 0; p < positions; p++) {
      for (int k = 0; k < c; k++) {
        w[k] += g[base + p * c + k];
      }
    }
    for (int k = 0; k < c; k++) {
      w[k] /= positions;
    }
    return w;
  }

  /**
   * Grad-CAM++ in its closed form: {@code alpha = g^2 / (2 g^2 + sum_ab(A) g^3)} (0 where the
   * denominator is 0) and {@code w = sum_ij alpha * ReLU(g)}.
   */
  static double[] gradCamPlusPlus(LayerFetch f, int b) {
    int c = f.channels();
    int positions = f.height() * f.width();
    float[] a = f.activations();
    float[] g = f.gradients();
    int base = b * f.imageSize();
    double[] sumA = new double[c];
    for (int p = 0; p < positions; p++) {
      for (int k = 0; k < c; k++) {
        sumA[k] += a[base + p * c + k];
      }
    }
    double[] w = new double[c];
    for (int p = 0; p < positions; p++) {
      for (int k = 0; k < c; k++) {
        double gi = g[base + p * c + k];
        double g2 = gi * gi;
        double denominator = 2 * g2 + sumA[k] * g2 * gi;
        if (denominator != 0 && gi > 0) {
          w[k] += g2 / denominator * gi;
        }
      }
    }
    return w;
  }
}
