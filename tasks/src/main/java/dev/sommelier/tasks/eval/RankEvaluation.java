package dev.sommelier.tasks.eval;

import java.util.function.DoubleToIntFunction;

/**
 * Evaluates a regressor trained on integer ranks: tunes cut points on a validation set with
 * {@link ThresholdTuner}, then compares rounding with those cut points on a test set.
 */
public final class RankEvaluation {

  private RankEvaluation() {}

  /**
   * Tunes on the validation set, measures on the test set.
   *
   * @param scale the ranks
   * @param validationTruth true rank of each validation sample
   * @param validationPredictions regressor output for each validation sample
   * @param testTruth true rank of each test sample
   * @param testPredictions regressor output for each test sample
   * @return the report
   * @throws IllegalArgumentException if either set is empty, its arrays differ in length, hold a
   *     value that is not finite, or a target that is not a rank of the scale
   */
  public static RankReport evaluate(
      RankScale scale,
      float[] validationTruth,
      float[] validationPredictions,
      float[] testTruth,
      float[] testPredictions) {
    RankThresholds thresholds = ThresholdTuner.tune(scale, validationTruth, validationPredictions);
    return new RankReport(
        validationTruth.length,
        testTruth.length,
        accuracy(scale, scale::round, testTruth, testPredictions),
        accuracy(scale, thresholds::rank, testTruth, testPredictions),
        thresholds,
        ErrorDistribution.byRank(scale, testTruth, testPredictions));
  }

  /**
   * Fraction of samples that {@code ranker} gives their true rank.
   *
   * @param scale the ranks
   * @param ranker prediction to rank, such as {@link RankScale#round} or {@link
   *     RankThresholds#rank}
   * @param truth true rank of each sample
   * @param predictions regressor output for each sample
   * @return the rank accuracy
   * @throws IllegalArgumentException if the arrays are empty, differ in length, hold a value that
   *     is not finite, or a target that is not a rank of the scale
   */
  public static double accuracy(
      RankScale scale, DoubleToIntFunction ranker, float[] truth, float[] predictions) {
    Pairs.check(truth, predictions);
    long correct = 0;
    for (int i = 0; i < truth.length; i++) {
      if (ranker.applyAsInt(predictions[i]) == scale.rankOf(truth[i])) {
        correct++;
      }
    }
    return (double) correct / truth.length;
  }
}
