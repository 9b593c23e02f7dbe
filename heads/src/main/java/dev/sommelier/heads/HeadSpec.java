package dev.sommelier.heads;

import java.util.List;

/**
 * A head as a model file records it.
 *
 * @param type {@code softmax}, {@code regressor}, {@code mlp} or {@code multilabel}
 * @param outputs classes, 1 for a value, or labels
 * @param pooling how the feature map becomes a vector
 * @param hidden widths of the hidden ReLU Dense layers (empty for softmax and multilabel)
 * @param dropout dropout rate before each Dense layer that has one
 * @param output the output layer's activation and loss: softmax classes, a linear value, sigmoid
 *     labels
 * @param positiveWeights per-label weights of positive targets in the sigmoid loss (rare labels
 *     weigh more), or empty for 1 each
 */
public record HeadSpec(String type, int outputs, Pooling pooling, List<Integer> hidden,
    float dropout, OutputFunction output, List<Float> positiveWeights) {

  public HeadSpec {
    hidden = List.copyOf(hidden);
    positiveWeights = positiveWeights == null ? List.of() : List.copyOf(positiveWeights);
    if (output == null) {
      throw new IllegalArgumentException(type + " head needs an output function");
    }
    if (outputs < output.minOutputs() || (output == OutputFunction.LINEAR && outputs != 1)) {
      throw new IllegalArgumentException(type + " head needs " + switch (output) {
        case SOFTMAX -> "at least 2 classes";
        case LINEAR -> "1 output";
        case SIGMOID -> "at least 1 label";
      } + ", got " + outputs);
    }
    if (dropout < 0 || dropout >= 1) {
      throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
    }
    for (int h : hidden) {
      if (h < 1) {
        throw new IllegalArgumentException("hidden layer widths must be >= 1, got " + hidden);
      }
    }
    if (!positiveWeights.isEmpty()
        && (output != OutputFunction.SIGMOID || positiveWeights.size() != outputs)) {
      throw new IllegalArgumentException("positive weights are one per label of a sigmoid head;"
          + " got " + positiveWeights.size() + " for " + outputs + " " + output + " outputs");
    }
    for (float w : positiveWeights) {
      if (!(w > 0) || Float.isInfinite(w)) {
        throw new IllegalArgumentException("positive weights must be > 0, got " + positiveWeights);
      }
    }
  }

  /** A head without positive weights. */
  public HeadSpec(String type, int outputs, Pooling pooling, List<Integer> hidden, float dropout,
      OutputFunction output) {
    this(type, outputs, pooling, hidden, dropout, output, List.of());
  }

  /** Builds the head this spec describes. */
  public Head create() {
    return new DenseHead(this);
  }

  /** Softmax classifier: pooling, Dropout(p), Dense(classes, softmax); categorical cross-entropy. */
  public static HeadSpec softmax(int classes, Pooling pooling, float dropout) {
    return new HeadSpec("softmax", classes, pooling, List.of(), dropout, OutputFunction.SOFTMAX);
  }

  /** ReLU-Dense-1 regressor: pooling, Dense(k, ReLU), Dense(1); mean squared error. */
  public static HeadSpec regressor(int hidden, Pooling pooling) {
    return new HeadSpec("regressor", 1, pooling, List.of(hidden), 0f, OutputFunction.LINEAR);
  }

  /**
   * Multi-label: pooling, Dropout(p), Dense(labels, sigmoid); binary cross-entropy with optional
   * positive weights (empty for none).
   */
  public static HeadSpec multilabel(int labels, Pooling pooling, float dropout,
      List<Float> positiveWeights) {
    return new HeadSpec("multilabel", labels, pooling, List.of(), dropout, OutputFunction.SIGMOID,
        positiveWeights);
  }

  /** MLP: Flatten, then per hidden width Dense(ReLU) + Dropout(p), then the output. */
  public static HeadSpec mlp(List<Integer> hidden, float dropout, int outputs,
      OutputFunction output) {
    return new HeadSpec("mlp", outputs, Pooling.FLATTEN, hidden, dropout, output);
  }
}
