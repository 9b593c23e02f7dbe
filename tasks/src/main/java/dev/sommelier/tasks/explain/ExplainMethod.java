package dev.sommelier.tasks.explain;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.sommelier.tasks.model.TaskModel;

/**
 * A way of making heat maps that explain a model's answer: a CAM method at one layer ({@link
 * CamMethod}), LayerCAM fused over several layers, or a pixel-level gradient method. Each makes
 * an {@link Explainer} for a model; {@link ExplainMethods} lists them by name.
 */
public interface ExplainMethod {

  /** The constant-style name, e.g. {@code GRAD_CAM_PLUS_PLUS}; also its JSON form. */
  @JsonValue
  String name();

  /** The command-line name, e.g. {@code gradcam++}. */
  String label();

  /**
   * An explainer of {@code model} with this method.
   *
   * @param layer the layer to explain (null: the method's default); methods that fuse layers
   *     take a comma-separated list, pixel methods ignore it
   * @throws IllegalArgumentException when the model has no such layer
   */
  Explainer explainer(TaskModel model, String layer);
}
