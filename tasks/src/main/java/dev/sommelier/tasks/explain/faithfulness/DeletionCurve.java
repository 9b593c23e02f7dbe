package dev.sommelier.tasks.explain.faithfulness;

/**
 * The target score as pixels are removed in one order.
 *
 * @param scores the score after removing {@code i / (scores.length - 1)} of the pixels, from the
 *     untouched image ({@code i = 0}) to none left
 * @param auc area under the curve over the removed fraction 0..1 (trapezoids); lower means the
 *     order found the evidence sooner
 * @param firstStepDrop {@code scores[0] - scores[1]}: the confidence lost to the first step
 */
public record DeletionCurve(float[] scores, double auc, double firstStepDrop) {

  /** The curve of {@code scores} (at least two points, evenly spaced over 0..1). */
  public static DeletionCurve of(float[] scores) {
    if (scores.length < 2) {
      throw new IllegalArgumentException("a deletion curve needs 2 points, got " + scores.length);
    }
    int steps = scores.length - 1;
    double area = 0;
    for (int i = 0; i < steps; i++) {
      area += (scores[i] + (double) scores[i + 1]) / 2 / steps;
    }
    return new DeletionCurve(scores.clone(), area, scores[0] - (double) scores[1]);
  }
}
