package dev.sommelier.tasks.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Tunes {@link RankThresholds} on a validation set so that as many validation samples as possible
 * get their true rank: an exact dynamic programme, O(n log n + n·R) time for n samples and R
 * ranks.
 *
 * <p>Sorting the validation predictions, with distinct values {@code v_0 < ... < v_{m-1}}, splits
 * the line into m + 1 gaps ({@code [v_{g-1}, v_g)}, open at both ends); what matters of a cut
 * point is only which gap it lies in. The programme chooses a gap for each cut point, in
 * non-decreasing gap order, maximising the count of correctly ranked samples. Among choices that
 * reach the best count it takes the one whose gaps lie nearest (in summed distance) to the
 * rounding cut points {@code min + 0.5, min + 1.5, ...}, so a regressor that rounding already
 * serves keeps the rounding cut points, and a rank the validation set never reaches keeps its
 * rounding cut point where it can.
 *
 * <p>Within its gap a cut point is its rounding cut point when every cut point sharing the gap
 * fits there; otherwise the cut points sharing a gap are spread evenly across it, or, in the open
 * gaps below the smallest and above the largest prediction, placed one rank apart starting half a
 * rank beyond that prediction. Ties in the programme go to the lowest gap, so the result is
 * deterministic.
 */
public final class ThresholdTuner {

  private ThresholdTuner() {}

  /**
   * Tunes cut points on a validation set.
   *
   * @param scale the ranks
   * @param truth true rank of each validation sample, a whole number within the scale
   * @param predictions regressor output for each validation sample
   * @return cut points maximising the validation rank accuracy
   * @throws IllegalArgumentException if the arrays are empty, differ in length, hold a value that
   *     is not finite, or a target that is not a rank of the scale
   */
  public static RankThresholds tune(RankScale scale, float[] truth, float[] predictions) {
    Pairs.check(truth, predictions);
    int ranks = scale.size();
    if (ranks == 1) {
      return new RankThresholds(scale, List.of());
    }
    int n = truth.length;
    int[] order =
        IntStream.range(0, n)
            .boxed()
            .sorted(Comparator.comparingDouble(i -> predictions[i]))
            .mapToInt(Integer::intValue)
            .toArray();
    double[] values = new double[n];
    int[] valueOf = new int[n];
    int[] rankIndex = new int[n];
    int m = 0;
    for (int s = 0; s < n; s++) {
      int i = order[s];
      if (m == 0 || predictions[i] != values[m - 1]) {
        values[m++] = predictions[i];
      }
      valueOf[s] = m - 1;
      rankIndex[s] = scale.rankOf(truth[i]) - scale.min();
    }
    values = Arrays.copyOf(values, m);
    int[] gaps = bestGaps(scale, values, valueOf, rankIndex);
    return new RankThresholds(scale, place(scale, values, gaps));
  }

  /**
   * The gap of each cut point. {@code count[g] / penalty[g]} hold the best score with the current
   * cut point in gap g; {@code from[c][g]} the gap of cut point c - 1 behind it.
   */
  private static int[] bestGaps(RankScale scale, double[] values, int[] valueOf, int[] rankIndex) {
    int m = values.length;
    int cuts = scale.size() - 1;
    long[] count = new long[m + 1];
    double[] penalty = new double[m + 1];
    int[][] from = new int[cuts][m + 1];
    for (int c = 0; c < cuts; c++) {
      long[] prefix = prefixCounts(c, m, valueOf, rankIndex);
      double target = scale.min() + c + 0.5;
      long runCount = 0;
      double runPenalty = 0;
      int runGap = 0;
      for (int g = 0; g <= m; g++) {
        if (c > 0) {
          long candidate = count[g] - prefix[g];
          if (g == 0 || better(candidate, penalty[g], runCount, runPenalty)) {
            runCount = candidate;
            runPenalty = penalty[g];
            runGap = g;
          }
        }
        from[c][g] = runGap;
        count[g] = prefix[g] + runCount;
        penalty[g] = distance(target, values, g) + runPenalty;
      }
    }
    long[] last = prefixCounts(cuts, m, valueOf, rankIndex);
    int bestGap = 0;
    for (int g = 0; g <= m; g++) {
      count[g] += last[m] - last[g];
      if (better(count[g], penalty[g], count[bestGap], penalty[bestGap])) {
        bestGap = g;
      }
    }
    int[] gaps = new int[cuts];
    gaps[cuts - 1] = bestGap;
    for (int c = cuts - 1; c > 0; c--) {
      gaps[c - 1] = from[c][gaps[c]];
    }
    return gaps;
  }

  /** {@code prefix[g]}: samples of rank index {@code rank} among the g smallest distinct values. */
  private static long[] prefixCounts(int rank, int m, int[] valueOf, int[] rankIndex) {
    long[] prefix = new long[m + 1];
    for (int s = 0; s < valueOf.length; s++) {
      if (rankIndex[s] == rank) {
        prefix[valueOf[s] + 1]++;
      }
    }
    for (int g = 1; g <= m; g++) {
      prefix[g] += prefix[g - 1];
    }
    return prefix;
  }

  private static boolean better(long count, double penalty, long otherCount, double otherPenalty) {
    return count > otherCount || (count == otherCount && penalty < otherPenalty);
  }

  /** Distance from x to gap g, {@code [values[g - 1], values[g])}. */
  private static double distance(double x, double[] values, int g) {
    if (g > 0 && x < values[g - 1]) {
      return values[g - 1] - x;
    }
    if (g < values.length && x > values[g]) {
      return x - values[g];
    }
    return 0;
  }

  private static List<Double> place(RankScale scale, double[] values, int[] gaps) {
    int m = values.length;
    List<Double> cutPoints = new ArrayList<>(gaps.length);
    int start = 0;
    while (start < gaps.length) {
      int g = gaps[start];
      int end = start;
      while (end + 1 < gaps.length && gaps[end + 1] == g) {
        end++;
      }
      int k = end - start + 1;
      double low = g == 0 ? Double.NEGATIVE_INFINITY : values[g - 1];
      double high = g == m ? Double.POSITIVE_INFINITY : values[g];
      double firstTarget = scale.min() + start + 0.5;
      double lastTarget = scale.min() + end + 0.5;
      for (int i = 0; i < k; i++) {
        double point;
        if (firstTarget >= low && lastTarget < high) {
          point = firstTarget + i;
        } else if (g == 0) {
          point = high - 0.5 - (k - 1 - i);
        } else if (g == m) {
          point = low + 0.5 + i;
        } else {
          point = low + (high - low) * (i + 1) / (k + 1);
        }
        cutPoints.add(point);
      }
      start = end + 1;
    }
    return cutPoints;
  }
}
