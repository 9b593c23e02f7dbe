package dev.sommelier.tasks.explain;

/**
 * LayerCAM (Jiang et al., 2021): each activation weighted by its own positive gradient, {@code
 * sum_k ReLU(g_k) * A_k} at each cell. A weight per position rather than per channel, which keeps
 * early, high-resolution layers meaningful; {@link FusedLayerCam} combines several layers.
 */
final class LayerCam implements CamMethod {

  @Override
  public double[] map(LayerFetch f, int b) {
    return PositionWeights.sum(f, b, true);
  }

  @Override
  public String name() {
    return "LAYER_CAM";
  }

  @Override
  public String label() {
    return "layercam";
  }

  @Override
  public String toString() {
    return name();
  }
}
