package dev.sommelier.tasks.explain;

/**
 * How much each channel of the explained layer counts, for the channel-weighted methods ({@link
 * ChannelWeightedCam}). Each reads one image of a {@link LayerFetch} (layout {@code [height *
 * width, channels]}).
 */
final class ChannelWeights {

  /** XGrad-CAM's guard against a channel with no activation, as pytorch-grad-cam has it. */
  static final double XGRAD_EPSILON = 1e-7;

  private ChannelWeights() {}

  /** Grad-CAM: the spatial mean of each channel's gradients. */
  static double[] gradCam(LayerFetch f, int b) {
    int c = f.channels();
    int positions = f.positions();
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
    int positions = f.positions();
    float[] g = f.gradients();
    int base = b * f.imageSize();
    double[] sumA = activationSums(f, b);
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

  /**
   * XGrad-CAM: each channel's gradients averaged with its normalised activations as weights,
   * {@code w = sum_ij g_ij A_ij / (sum_ij A_ij + 1e-7)}.
   */
  static double[] xGradCam(LayerFetch f, int b) {
    int c = f.channels();
    int positions = f.positions();
    float[] a = f.activations();
    float[] g = f.gradients();
    int base = b * f.imageSize();
    double[] sumA = activationSums(f, b);
    double[] w = new double[c];
    for (int p = 0; p < positions; p++) {
      for (int k = 0; k < c; k++) {
        w[k] += (double) g[base + p * c + k] * a[base + p * c + k];
      }
    }
    for (int k = 0; k < c; k++) {
      w[k] /= sumA[k] + XGRAD_EPSILON;
    }
    return w;
  }

  private static double[] activationSums(LayerFetch f, int b) {
    int c = f.channels();
    float[] a = f.activations();
    int base = b * f.imageSize();
    double[] sum = new double[c];
    for (int p = 0; p < f.positions(); p++) {
      for (int k = 0; k < c; k++) {
        sum[k] += a[base + p * c + k];
      }
    }
    return sum;
  }
}
