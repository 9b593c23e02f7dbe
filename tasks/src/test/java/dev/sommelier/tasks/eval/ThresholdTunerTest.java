package dev.sommelier.tasks.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ThresholdTunerTest {

  private static final double EPS = 1e-6;
  private static final RankScale FIVE = new RankScale(1, 5);

  /** Every prediction is the true rank + 0.6: rounding gets only rank 5 (clamped) right. */
  @Test
  void aSystematicBiasGetsCutPointsMidwayBetweenThePredictions() {
    float[][] set = offsets(1, 5, 0.6f);
    RankThresholds thresholds = ThresholdTuner.tune(FIVE, set[0], set[1]);
    assertCutPoints(thresholds, 2.1, 3.1, 4.1, 5.1);
    assertEquals(1.0, RankEvaluation.accuracy(FIVE, thresholds::rank, set[0], set[1]), EPS);
    assertEquals(0.2, RankEvaluation.accuracy(FIVE, FIVE::round, set[0], set[1]), EPS);
  }

  @Test
  void predictionsThatRoundingServesKeepTheRoundingCutPoints() {
    float[][] set = offsets(1, 5, -0.3f, 0f, 0.3f);
    assertCutPoints(ThresholdTuner.tune(FIVE, set[0], set[1]), 1.5, 2.5, 3.5, 4.5);
  }

  /**
   * Ranks 4 and 5 are absent: their cut points share the open gap above the largest prediction,
   * 3.8, where the rounding cut point 3.5 does not fit, so they sit one rank apart from 4.3.
   */
  @Test
  void ranksAbsentFromValidationGetCutPointsBeyondTheLargestPrediction() {
    float[][] set = offsets(1, 3, 0.4f, 0.6f, 0.8f);
    assertCutPoints(ThresholdTuner.tune(FIVE, set[0], set[1]), 2.1, 3.1, 4.3, 5.3);
  }

  /** Rank 1 absent: its rounding cut point 1.5 lies below every prediction and stays. */
  @Test
  void aRankAbsentAtTheBottomKeepsItsRoundingCutPointWhereItFits() {
    RankScale three = new RankScale(1, 3);
    RankThresholds thresholds =
        ThresholdTuner.tune(three, new float[] {2, 2, 3, 3}, new float[] {3.2f, 3.4f, 4.2f, 4.4f});
    assertCutPoints(thresholds, 1.5, 3.8);
  }

  /** Only rank 3, predicted 0.2 and 0.4: both cut points go below 0.2, one rank apart. */
  @Test
  void cutPointsThatDoNotFitBelowTheSmallestPredictionSitOneRankApart() {
    RankScale three = new RankScale(1, 3);
    RankThresholds thresholds =
        ThresholdTuner.tune(three, new float[] {3, 3}, new float[] {0.2f, 0.4f});
    assertCutPoints(thresholds, -1.3, -0.3);
  }

  @Test
  void aSingleRankNeedsNoCutPoints() {
    RankScale one = new RankScale(3, 3);
    RankThresholds thresholds = ThresholdTuner.tune(one, new float[] {3, 3}, new float[] {0, 9});
    assertEquals(List.of(), thresholds.cutPoints());
    assertEquals(3, thresholds.rank(-100));
  }

  /** Equal predictions with different ranks, many ties: the programme matches exhaustive search. */
  @Test
  void reachesTheBestAccuracyThatExhaustiveSearchFinds() {
    Random random = new Random(42);
    RankScale four = new RankScale(1, 4);
    for (int trial = 0; trial < 300; trial++) {
      int n = 1 + random.nextInt(12);
      float[] truth = new float[n];
      float[] predictions = new float[n];
      for (int i = 0; i < n; i++) {
        truth[i] = 1 + random.nextInt(4);
        predictions[i] = random.nextInt(10) * 0.5f;
      }
      RankThresholds tuned = ThresholdTuner.tune(four, truth, predictions);
      assertEquals(
          bestAccuracy(four, truth, predictions),
          RankEvaluation.accuracy(four, tuned::rank, truth, predictions),
          1e-12,
          "trial " + trial + ": " + Arrays.toString(truth) + " " + Arrays.toString(predictions));
    }
  }

  @Test
  void rejectsTargetsThatAreNotRanks() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ThresholdTuner.tune(FIVE, new float[] {1.5f}, new float[] {1}));
    assertThrows(
        IllegalArgumentException.class,
        () -> ThresholdTuner.tune(FIVE, new float[] {6}, new float[] {1}));
  }

  /** Best accuracy over every non-decreasing choice of cut points among gap candidates. */
  private static double bestAccuracy(RankScale scale, float[] truth, float[] predictions) {
    double[] distinct = new double[predictions.length];
    for (int i = 0; i < predictions.length; i++) {
      distinct[i] = predictions[i];
    }
    distinct = Arrays.stream(distinct).sorted().distinct().toArray();
    double[] candidates = new double[distinct.length + 1];
    candidates[0] = distinct[0] - 1;
    for (int j = 0; j < distinct.length; j++) {
      boolean last = j + 1 == distinct.length;
      candidates[j + 1] = last ? distinct[j] + 1 : (distinct[j] + distinct[j + 1]) / 2;
    }
    double best = 0;
    int c = candidates.length;
    for (int a = 0; a < c; a++) {
      for (int b = a; b < c; b++) {
        for (int d = b; d < c; d++) {
          double[] cuts = {candidates[a], candidates[b], candidates[d]};
          int correct = 0;
          for (int i = 0; i < truth.length; i++) {
            int rank = scale.min();
            for (double cut : cuts) {
              rank += cut < predictions[i] ? 1 : 0;
            }
            correct += rank == (int) truth[i] ? 1 : 0;
          }
          best = Math.max(best, (double) correct / truth.length);
        }
      }
    }
    return best;
  }

  /** {@code {truth, predictions}}: every rank of {@code min..max} once per offset. */
  static float[][] offsets(int min, int max, float... offsets) {
    int n = (max - min + 1) * offsets.length;
    float[] truth = new float[n];
    float[] predictions = new float[n];
    int i = 0;
    for (float offset : offsets) {
      for (int rank = min; rank <= max; rank++) {
        truth[i] = rank;
        predictions[i++] = rank + offset;
      }
    }
    return new float[][] {truth, predictions};
  }

  private static void assertCutPoints(RankThresholds thresholds, double... expected) {
    assertEquals(expected.length, thresholds.cutPoints().size(), thresholds.toString());
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], thresholds.cutPoints().get(i), EPS, thresholds.toString());
    }
  }
}
