package dev.sommelier.tasks.explain;

import java.util.List;

/**
 * Makes the maps of one {@link ExplainMethod} for one model. Create one per model, method and
 * layer and reuse it: the first use adds its gradient graph to the model's graph. May be called
 * from several threads.
 */
public interface Explainer {

  /**
   * The maps of {@code target} for {@code n} preprocessed images.
   *
   * @param images {@code n * size * size * 3} preprocessed pixels, as {@link
   *     dev.sommelier.tasks.model.TaskModel#predict} takes them
   * @param target what to explain; a class target needs a classifier, a value target a regressor
   * @return one result per image, in order
   * @throws IllegalArgumentException when the target does not fit the model or the pixel count is
   *     not {@code n} images
   */
  List<CamResult> explain(float[] images, int n, CamTarget target);

  /** What the maps are of: a layer's name, several joined by {@code +}, or {@code input}. */
  String layer();
}
