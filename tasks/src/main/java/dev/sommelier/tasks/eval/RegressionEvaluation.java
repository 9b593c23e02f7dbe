package dev.sommelier.tasks.eval;

/** Builds a {@link RegressionReport} from targets and predictions. */
public final class RegressionEvaluation {

  private RegressionEvaluation() {}

  /**
   * Evaluates predictions against targets; sums are taken in double precision.
   *
   * @param truth target of each sample
   * @param predictions prediction of each sample
   * @return the report
   * @throws IllegalArgumentException if the arrays are empty, differ in length or hold a value
   *     that is not finite
   */
  public static RegressionReport evaluate(float[] truth, float[] predictions) {
    Pairs.check(truth, predictions);
    int n = truth.length;
    double truthSum = 0;
    for (float t : truth) {
      truthSum += t;
    }
    double truthMean = truthSum / n;
    double errorSum = 0;
    double absErrorSum = 0;
    double squaredErrorSum = 0;
    double totalSquares = 0;
    for (int i = 0; i < n; i++) {
      double error = (double) predictions[i] - truth[i];
      errorSum += error;
      absErrorSum += Math.abs(error);
      squaredErrorSum += error * error;
      double deviation = truth[i] - truthMean;
      totalSquares += deviation * deviation;
    }
    double r2;
    if (totalSquares == 0) {
      r2 = squaredErrorSum == 0 ? 1 : 0;
    } else {
      r2 = 1 - squaredErrorSum / totalSquares;
    }
    return new RegressionReport(
        n, absErrorSum / n, Math.sqrt(squaredErrorSum / n), r2, errorSum / n);
  }
}
