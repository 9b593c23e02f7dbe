package dev.sommelier.tasks.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RegressionEvaluationTest {

  private static final double EPS = 1e-9;

  /**
   * Errors 0.5, 0, -0.5, 0.5, 1: MAE 2.5/5, MSE 1.75/5, bias 1.5/5; the targets' squared
   * deviations from their mean 3 sum to 10, so R² = 1 - 1.75/10.
   */
  @Test
  void matchesHandComputedMetrics() {
    RegressionReport report =
        RegressionEvaluation.evaluate(
            new float[] {1, 2, 3, 4, 5}, new float[] {1.5f, 2, 2.5f, 4.5f, 6});
    assertEquals(5, report.samples());
    assertEquals(0.5, report.mae(), EPS);
    assertEquals(Math.sqrt(0.35), report.rmse(), EPS);
    assertEquals(0.825, report.r2(), EPS);
    assertEquals(0.3, report.meanError(), EPS);
  }

  @Test
  void constantTargetHasR2OneWhenExactAndZeroOtherwise() {
    float[] constant = {2, 2, 2};
    assertEquals(1.0, RegressionEvaluation.evaluate(constant, new float[] {2, 2, 2}).r2());
    RegressionReport off = RegressionEvaluation.evaluate(constant, new float[] {1, 2, 3});
    assertEquals(0.0, off.r2());
    assertEquals(2.0 / 3, off.mae(), EPS);
    assertEquals(0.0, off.meanError(), EPS);
  }

  @Test
  void rejectsEmptyMismatchedAndNonFiniteInput() {
    assertThrows(
        IllegalArgumentException.class,
        () -> RegressionEvaluation.evaluate(new float[0], new float[0]));
    assertThrows(
        IllegalArgumentException.class,
        () -> RegressionEvaluation.evaluate(new float[] {1, 2}, new float[] {1}));
    assertThrows(
        IllegalArgumentException.class,
        () -> RegressionEvaluation.evaluate(new float[] {1}, new float[] {Float.NaN}));
  }
}
