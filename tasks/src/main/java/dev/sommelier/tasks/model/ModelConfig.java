package dev.sommelier.tasks.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sommelier.backbones.Preprocessing;
import dev.sommelier.core.layers.BatchNormMode;
import dev.sommelier.heads.HeadSpec;
import dev.sommelier.heads.OutputFunction;
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
 * @param thresholds a multi-label model's decision threshold per label (empty: 0.5 each, and
 *     always empty for other models)
 */
public record ModelConfig(
    String backbone, int inputSize, HeadSpec head, List<String> classes, BatchNormMode batchNorm,
    long seed, @JsonInclude(JsonInclude.Include.NON_NULL) Preprocessing preprocessing,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Float> thresholds) {

  /** A model that preprocesses as its backbone does. */
  public ModelConfig(String backbone, int inputSize, HeadSpec head, List<String> classes,
      BatchNormMode batchNorm, long seed) {
    this(backbone, inputSize, head, classes, batchNorm, seed, null);
  }

  /** A model with the default decision thresholds. */
  public ModelConfig(String backbone, int inputSize, HeadSpec head, List<String> classes,
      BatchNormMode batchNorm, long seed, Preprocessing preprocessing) {
    this(backbone, inputSize, head, classes, batchNorm, seed, preprocessing, List.of());
  }

  public ModelConfig {
    classes = List.copyOf(classes);
    thresholds = thresholds == null ? List.of() : List.copyOf(thresholds);
    if (head.output() != OutputFunction.LINEAR && classes.size() != head.outputs()) {
      throw new IllegalArgumentException("the head has " + head.outputs() + " outputs but "
          + classes.size() + " class (or label) names were given");
    }
    if (!thresholds.isEmpty() && (head.output() != OutputFunction.SIGMOID
        || thresholds.size() != head.outputs())) {
      throw new IllegalArgumentException("decision thresholds are one per label of a multi-label"
          + " model; got " + thresholds.size() + " for " + head.outputs() + " outputs");
    }
  }

  /** What the model's output is: classes, a value or labels, with how they are decoded. */
  public OutputKind output() {
    return OutputKind.of(this);
  }

  /** Classification, regression or multi-label, from the head. */
  public TaskKind task() {
    return output().task();
  }

  /** The same model deciding each label at {@code labelThresholds}. */
  public ModelConfig withThresholds(List<Float> labelThresholds) {
    return new ModelConfig(backbone, inputSize, head, classes, batchNorm, seed, preprocessing,
        labelThresholds);
  }
}
