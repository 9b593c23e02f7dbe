package dev.sommelier.tasks.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Groups the errors of a regressor on ranks by true rank and summarises each group. */
public final class ErrorDistribution {

  private ErrorDistribution() {}

  /**
   * One {@link RankErrors} per rank present in {@code truth}, in ascending rank order; ranks with
   * no sample are left out. Errors are {@code prediction - truth} of the raw predictions.
   *
   * @param scale the ranks
   * @param truth true rank of each sample, a whole number within the scale
   * @param predictions regressor output for each sample
   * @return the distribution per true rank
   * @throws IllegalArgumentException if the arrays are empty, differ in length, hold a value that
   *     is not finite, or a target that is not a rank of the scale
   */
  public static List<RankErrors> byRank(RankScale scale, float[] truth, float[] predictions) {
    Pairs.check(truth, predictions);
    int[] counts = new int[scale.size()];
    for (float t : truth) {
      counts[scale.rankOf(t) - scale.min()]++;
    }
    double[][] errors = new double[scale.size()][];
    for (int r = 0; r < errors.length; r++) {
      errors[r] = new double[counts[r]];
    }
    int[] filled = new int[scale.size()];
    for (int i = 0; i < truth.length; i++) {
      int r = (int) truth[i] - scale.min();
      errors[r][filled[r]++] = (double) predictions[i] - truth[i];
    }
    List<RankErrors> distribution = new ArrayList<>();
    for (int r = 0; r < errors.length; r++) {
      if (counts[r] > 0) {
        distribution.add(summary(scale.min() + r, errors[r]));
      }
    }
    return distribution;
  }

  private static RankErrors summary(int rank, double[] errors) {
    Arrays.sort(errors);
    double sum = 0;
    for (double e : errors) {
      sum += e;
    }
    return new RankErrors(
        rank,
        errors.length,
        sum / errors.length,
        errors[0],
        Quantiles.of(errors, 0.25),
        Quantiles.of(errors, 0.5),
        Quantiles.of(errors, 0.75),
        errors[errors.length - 1]);
  }
}
