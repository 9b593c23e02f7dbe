package dev.sommelier.tasks.explain;

import dev.sommelier.tasks.model.TaskModel;

/**
 * A class-activation-map method at one layer: how one image's activations and gradients ({@link
 * LayerFetch}) become a map. Everything else is shared: one fetch per batch ({@link GradCam}),
 * then ReLU and normalising to a largest value of 1. The channel-weighted methods (Grad-CAM,
 * Grad-CAM++, XGrad-CAM) differ only in their weights ({@link ChannelWeights}); HiResCAM and
 * LayerCAM weigh each position; Eigen-CAM ignores the gradients.
 */
public interface CamMethod extends ExplainMethod {

  /** Grad-CAM: weight = spatial mean of the gradients. */
  CamMethod GRAD_CAM = new ChannelWeightedCam("GRAD_CAM", "gradcam", ChannelWeights::gradCam);

  /** Grad-CAM++: weights from second- and third-order terms of the gradients. */
  CamMethod GRAD_CAM_PLUS_PLUS = new ChannelWeightedCam("GRAD_CAM_PLUS_PLUS", "gradcam++",
      ChannelWeights::gradCamPlusPlus);

  /** XGrad-CAM: weight = the gradients averaged with the channel's normalised activations. */
  CamMethod XGRAD_CAM = new ChannelWeightedCam("XGRAD_CAM", "xgradcam", ChannelWeights::xGradCam);

  /** HiResCAM: gradients times activations, element by element. */
  CamMethod HIRES_CAM = new HiResCam();

  /** LayerCAM: activations times their positive gradients, element by element. */
  CamMethod LAYER_CAM = new LayerCam();

  /** Eigen-CAM: the first principal component of the activations (no gradients). */
  CamMethod EIGEN_CAM = new EigenCam();

  /** The single-layer methods, Grad-CAM first. */
  static CamMethod[] values() {
    return new CamMethod[] {GRAD_CAM, GRAD_CAM_PLUS_PLUS, XGRAD_CAM, HIRES_CAM, LAYER_CAM,
        EIGEN_CAM};
  }

  /**
   * The map of image {@code b} of {@code f} before ReLU and normalising.
   *
   * @return {@code height * width} values, row-major
   */
  double[] map(LayerFetch f, int b);

  /** Explains {@code layer} (null: the backbone's default Grad-CAM layer) with this method. */
  @Override
  default Explainer explainer(TaskModel model, String layer) {
    return (layer == null ? GradCam.of(model) : GradCam.of(model, layer)).with(this);
  }
}
