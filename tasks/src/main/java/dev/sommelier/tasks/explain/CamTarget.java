package dev.sommelier.tasks.explain;

import java.util.Arrays;
import java.util.List;

/**
 * What a class-activation map explains: one score per image, whose gradient with respect to the
 * explained layer weights that layer's channels. Small value objects, as in pytorch-grad-cam:
 * each target carries its own selection of the head's outputs, its check against the model and
 * its description, so the explainers hold no list of target kinds.
 */
public sealed interface CamTarget {

  /** The logit (pre-softmax score) of class {@code classIndex}. */
  static CamTarget classLogit(int classIndex) {
    return new ClassScore(classIndex, false);
  }

  /** The softmax probability of class {@code classIndex}. */
  static CamTarget classProbability(int classIndex) {
    return new ClassScore(classIndex, true);
  }

  /** The logit of each image's own most probable class. */
  static CamTarget predictedClass() {
    return new PredictedClass();
  }

  /**
   * A regressor's value.
   *
   * @param raising true to explain what raises the value, false for what lowers it (the gradient
   *     of {@code -value})
   */
  static CamTarget value(boolean raising) {
    return new Value(raising);
  }

  /**
   * The selector rows {@code [n, outputs]} that pick each image's score from the head's outputs
   * ({@code t_b = sum_k selector[b, k] * s[b, k]}); null when the graph picks each image's top
   * class itself.
   */
  float[] selector(int n, int outputs);

  /** Whether the score is read from the head's probabilities rather than its logits or value. */
  default boolean readsProbabilities() {
    return false;
  }

  /**
   * Checks that the target fits a model.
   *
   * @param classifier whether the model classifies (else it regresses one value)
   * @param outputs the head's outputs
   * @throws IllegalArgumentException naming what does not fit
   */
  void check(boolean classifier, int outputs);

  /** The explained class of an image with these outputs; -1 for a regressor's value. */
  int classIndex(float[] prediction);

  /** The score reported for an image whose selected score is {@code selected}. */
  default float reported(float selected) {
    return selected;
  }

  /** What is explained, e.g. {@code class 'cello' (logit)}; {@code classIndex} as above. */
  String describe(List<String> classes, int classIndex);

  /**
   * See {@link CamTarget#classLogit} and {@link CamTarget#classProbability}.
   *
   * @param probability true for the softmax probability, false for the logit
   */
  record ClassScore(int classIndex, boolean probability) implements CamTarget {
    @Override
    public float[] selector(int n, int outputs) {
      return oneHot(n, outputs, classIndex);
    }

    @Override
    public boolean readsProbabilities() {
      return probability;
    }

    @Override
    public void check(boolean classifier, int outputs) {
      checkClass(classifier, outputs, classIndex);
    }

    @Override
    public int classIndex(float[] prediction) {
      return classIndex;
    }

    @Override
    public String describe(List<String> classes, int c) {
      return "class '" + classes.get(c) + "' (" + (probability ? "probability" : "logit") + ")";
    }
  }

  /** See {@link CamTarget#predictedClass}. */
  record PredictedClass() implements CamTarget {
    @Override
    public float[] selector(int n, int outputs) {
      return null;
    }

    @Override
    public void check(boolean classifier, int outputs) {
      checkClass(classifier, outputs, 0);
    }

    @Override
    public int classIndex(float[] prediction) {
      int top = 0;
      for (int i = 1; i < prediction.length; i++) {
        top = prediction[i] > prediction[top] ? i : top;
      }
      return top;
    }

    @Override
    public String describe(List<String> classes, int c) {
      return "predicted class '" + classes.get(c) + "' (logit)";
    }
  }

  /** See {@link CamTarget#value}. */
  record Value(boolean raising) implements CamTarget {
    @Override
    public float[] selector(int n, int outputs) {
      float[] rows = new float[n * outputs];
      Arrays.fill(rows, raising ? 1f : -1f);
      return rows;
    }

    @Override
    public void check(boolean classifier, int outputs) {
      if (classifier) {
        throw new IllegalArgumentException(
            "a value target needs a regressor; this model classifies");
      }
    }

    @Override
    public int classIndex(float[] prediction) {
      return -1;
    }

    @Override
    public float reported(float selected) {
      return raising ? selected : -selected;
    }

    @Override
    public String describe(List<String> classes, int c) {
      return raising ? "value, raising" : "value, lowering";
    }
  }

  private static float[] oneHot(int n, int outputs, int c) {
    float[] rows = new float[n * outputs];
    for (int b = 0; b < n; b++) {
      rows[b * outputs + c] = 1f;
    }
    return rows;
  }

  private static void checkClass(boolean classifier, int outputs, int c) {
    if (!classifier) {
      throw new IllegalArgumentException("a class target needs a classifier; this model regresses");
    }
    if (c < 0 || c >= outputs) {
      throw new IllegalArgumentException("class index " + c + " is not in [0, " + outputs + ")");
    }
  }
}
