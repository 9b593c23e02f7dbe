package dev.sommelier.tasks.explain;

/** How the channels of the explained layer are weighted; everything else is shared. */
public enum CamMethod {
  /** Grad-CAM: weight = spatial mean of the gradients. */
  GRAD_CAM,
  /** Grad-CAM++: weights from second- and third-order terms of the gradients. */
  GRAD_CAM_PLUS_PLUS
}
