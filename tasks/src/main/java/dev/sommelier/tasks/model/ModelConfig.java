package dev.sommelier.tasks.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sommelier.backbones.Preprocessing;
import dev.sommelier.core.layers.BatchNormMode;
import dev.sommelier.heads.HeadSpec;
import java.util.List;

/**
 * Everything needed to rebuild a model's graph: stored as {@code model.json} next to its weights.
 *
 * @param backbone backbone with options, {@code mobilenet_v1:alpha=0.25}
 * @param inputSize square input size in pixels
 * @param head the head
 * @param classes class names in index order (empty for regression)
 * @param batchNorm batch-norm behaviour in training steps
 * @param seed seed of the initial weights and dropout
 * @param preprocessing how the model preprocesses [0, 255] RGB pixels when that is not the
 *     backbone's default (an imported Keras model's own preprocessing layers), or null for the
 *     backbone's default
 */
public record ModelConfig(
    String backbone, int inputSize, HeadSpec head, List<String> classes, BatchNormMode batchNorm,
    long seed, @JsonInclude(JsonInclude.Include.NON_NULL) Preprocessing preprocessing) {

  /** A model that preprocesses as its backbone does. */
  public ModelConfig(String backbone, int inputSize, HeadSpec head, List<String> classes,
      BatchNormMode batchNorm, long seed) {
    this(backbone, inputSize, head, classes, batchNorm, seed, null);
  }

  public ModelConfig {
    classes = List.copyOf(classes);
    if (head.classification() && classes.size() != head.outputs()) {
      throw new IllegalArgumentException(
          "the head has " + head.outputs() + " outputs but " + classes.size() + " class names were given");
    }
  }

  /** Classification or regression, from the head. */
  public TaskKind task() {
    return head.classification() ? TaskKind.CLASSIFICATION : TaskKind.REGRESSION;
  }
}
