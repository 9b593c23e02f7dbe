package dev.sommelier.tasks.eval;

import java.util.List;

/**
 * How a regressor on integer ranks did on a test set, with rank accuracy both by rounding and by
 * cut points tuned on a separate validation set.
 *
 * @param validationSamples samples the thresholds were tuned on
 * @param testSamples samples the accuracies and errors were measured on
 * @param roundedAccuracy test fraction whose prediction, rounded to the nearest integer and
 *     clamped to the scale, equals the true rank
 * @param tunedAccuracy test fraction that {@code thresholds} ranks correctly
 * @param thresholds the cut points tuned on the validation set, with their scale
 * @param testErrors distribution of {@code prediction - truth} per true rank on the test set
 */
public record RankReport(
    int validationSamples,
    int testSamples,
    double roundedAccuracy,
    double tunedAccuracy,
    RankThresholds thresholds,
    List<RankErrors> testErrors) {

  /** Makes the error list immutable. */
  public RankReport {
    testErrors = List.copyOf(testErrors);
  }
}
