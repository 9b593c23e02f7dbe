package dev.sommelier.tasks.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Multi-label numbers on four images and two labels, counted by hand in the comments; average
 * precision as scikit-learn's {@code average_precision_score} gives it for the same columns.
 */
class MultiLabelEvaluationTest {

  // Label a: truth 1,0,1,0 scores .9,.8,.4,.1 -> at .5: TP 1 FP 1 FN 1: P .5 R .5 F1 .5.
  // Label b: truth 0,1,1,0 scores .2,.7,.6,.3 -> at .5: TP 2 FP 0 FN 0: F1 1.
  private static final float[] TRUTH = {1, 0, 0, 1, 1, 1, 0, 0};
  private static final float[] SCORES = {.9f, .2f, .8f, .7f, .4f, .6f, .1f, .3f};

  @Test
  void perLabelAndOverallNumbersMatchTheHandCount() {
    MultiLabelReport r = MultiLabelEvaluation.evaluate(TRUTH, SCORES, List.of("a", "b"),
        List.of(.5f, .5f));
    LabelMetrics a = r.labels().get(0);
    assertEquals(0.5, a.precision(), 1e-12);
    assertEquals(0.5, a.recall(), 1e-12);
    assertEquals(0.5, a.f1(), 1e-12);
    assertEquals(2, a.support());
    assertEquals(1.0, r.labels().get(1).f1(), 1e-12);
    assertEquals(0.75, r.macroF1(), 1e-12);
    // Pooled: TP 3, FP 1, FN 1 -> 6 / 8.
    assertEquals(0.75, r.microF1(), 1e-12);
    // Images 0 and 3 (0-based) decided right on both labels; 1 and 2 miss a.
    assertEquals(0.5, r.subsetAccuracy(), 1e-12);
    // Two wrong decisions of eight.
    assertEquals(0.25, r.hammingLoss(), 1e-12);
    assertEquals(1.0, r.labelCardinality(), 1e-12);
    assertEquals(1.0, r.predictedCardinality(), 1e-12);
    // sklearn: a: (.5 - 0) * 1 + (1 - .5) * 2/3 = 0.8333; b: 1.
    assertEquals(5 / 6.0, a.averagePrecision(), 1e-9);
    assertEquals(1.0, r.labels().get(1).averagePrecision(), 1e-9);
    assertEquals((5 / 6.0 + 1) / 2, r.meanAveragePrecision(), 1e-9);
  }

  @Test
  void tunedThresholdsCutBetweenTheScoresOfTheBestF1() {
    // a: best F1 .8 predicting .9, .8, .4 positive (TP 2 FP 1): cut between .4 and .1.
    // b: best F1 1 predicting .7, .6: cut between .6 and .3.
    List<Float> t = MultiLabelEvaluation.tuneThresholds(TRUTH, SCORES, 2);
    assertEquals(0.25f, t.get(0), 1e-6);
    assertEquals(0.45f, t.get(1), 1e-6);
  }
}
