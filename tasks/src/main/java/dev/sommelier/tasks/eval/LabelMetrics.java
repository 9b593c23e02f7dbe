package dev.sommelier.tasks.eval;

import java.util.List;

/**
 * One label's numbers in a multi-label evaluation, at its decision threshold.
 *
 * @param name the label
 * @param threshold the probability at or over which the label is predicted
 * @param support samples that carry the label
 * @param predicted samples the label is predicted for
 * @param precision of the predictions of this label (0 when it is never predicted)
 * @param recall of the samples that carry it (0 when none does)
 * @param f1 harmonic mean of precision and recall (0 when both are 0)
 * @param averagePrecision area under the precision-recall curve as scikit-learn sums it, {@code
 *     sum (R_n - R_n-1) P_n} over the distinct probabilities; NaN when no sample carries the label
 * @param curve the precision-recall curve, one point per distinct probability, highest first
 */
public record LabelMetrics(String name, float threshold, long support, long predicted,
    double precision, double recall, double f1, double averagePrecision,
    List<CurvePoint> curve) {

  /** Copies the curve. */
  public LabelMetrics {
    curve = List.copyOf(curve);
  }

  /**
   * A point of a precision-recall curve.
   *
   * @param threshold predicting at or over this probability
   * @param precision gives this precision
   * @param recall and this recall
   */
  public record CurvePoint(float threshold, double precision, double recall) {}
}
