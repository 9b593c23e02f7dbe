package dev.sommelier.heads;

import java.util.List;

/**
 * A head as a model file records it.
 *
 * @param type {@code softmax}, {@code regressor} or {@code mlp}
 * @param outputs classes, or 1 for a value
 * @param pooling how the feature map becomes a vector
 * @param hidden widths of the hidden ReLU Dense layers (empty for softmax)
 * @param dropout dropout rate before each Dense layer that has one
 * @param classification true for class probabilities, false for a value
 */
public record HeadSpec(
    String type, int outputs, Pooling pooling, List<Integer> hidden, float dropout, boolean classification) {

  public HeadSpec {
    hidden = List.copyOf(hidden);
    if (outputs < 1 || (classification && outputs < 2)) {
      throw new IllegalArgumentException(
          type + " head needs " + (classification ? "at least 2 classes" : "1 output") + ", got " + outputs);
    }
    if (dropout < 0 || dropout >= 1) {
      throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
    }
    for (int h : hidden) {
      if (h < 1) {
        throw new IllegalArgumentException("hidden layer widths must be >= 1, got " + hidden);
      }
    }
  }

  /** Builds the head this spec describes. */
  public Head create() {
    return new DenseHead(this);
  }

  /** Softmax classifier: pooling, Dropout(p), Dense(classes, softmax); categorical cross-entropy. */
  public static HeadSpec softmax(int classes, Pooling pooling, float dropout) {
    return new HeadSpec("softmax", classes, pooling, List.of(), dropout, true);
  }

  /** ReLU-Dense-1 regressor: pooling, Dense(k, ReLU), Dense(1); mean squared error. */
  public static HeadSpec regressor(int hidden, Pooling pooling) {
    return new HeadSpec("regressor", 1, pooling, List.of(hidden), 0f, false);
  }

  /** MLP: Flatten, then per hidden width Dense(ReLU) + Dropout(p), then the output. */
  public static HeadSpec mlp(List<Integer> hidden, float dropout, int classesOrOneForValue, boolean classification) {
    return new HeadSpec("mlp", classesOrOneForValue, Pooling.FLATTEN, hidden, dropout, classification);
  }
}
