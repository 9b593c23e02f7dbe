package dev.sommelier.tasks.eval;

/** Checks shared by the regression and rank evaluations: paired, non-empty, finite values. */
final class Pairs {

  private Pairs() {}

  /**
   * Checks that targets and predictions pair up and are finite.
   *
   * @throws IllegalArgumentException if the arrays are empty, differ in length or hold a value
   *     that is NaN or infinite
   */
  static void check(float[] truth, float[] predictions) {
    if (truth.length == 0 || truth.length != predictions.length) {
      throw new IllegalArgumentException(
          truth.length + " targets and " + predictions.length + " predictions: need equal, > 0");
    }
    for (int i = 0; i < truth.length; i++) {
      if (!Float.isFinite(truth[i]) || !Float.isFinite(predictions[i])) {
        throw new IllegalArgumentException(
            "sample " + i + " is not finite: " + truth[i] + " predicted as " + predictions[i]);
      }
    }
  }
}
