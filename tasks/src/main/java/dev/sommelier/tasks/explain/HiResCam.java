package dev.sommelier.tasks.explain;

/**
 * HiResCAM (Draelos and Carin, 2020): gradients times activations element by element, summed over
 * channels, {@code sum_k g_k * A_k} at each cell. Unlike Grad-CAM it does not average the
 * gradients over the map first, so for a head of global average pooling and one dense layer it
 * is exactly what each cell adds to the score.
 */
final class HiResCam implements CamMethod {

  @Override
  public double[] map(LayerFetch f, int b) {
    return PositionWeights.sum(f, b, false);
  }

  @Override
  public String name() {
    return "HIRES_CAM";
  }

  @Override
  public String label() {
    return "hirescam";
  }

  @Override
  public String toString() {
    return name();
  }
}
