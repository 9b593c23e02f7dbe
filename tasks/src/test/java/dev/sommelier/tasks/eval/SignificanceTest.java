package dev.sommelier.tasks.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** McNemar's test and the Wilson interval against values worked out by hand or in textbooks. */
class SignificanceTest {

  /**
   * 28 images: the first run right on 26, the second on 23, four images only the first gets
   * right and one only the second: b = 4, c = 1, n = 5 discordant. Exact two-sided p = 2 (C(5,0)
   * + C(5,1)) / 2^5 = 2 * 6 / 32 = 0.375: "26 of 28 against 23 of 28" is no verdict.
   */
  @Test
  void exactFormOnHandMadeAnswers() {
    boolean[] first = new boolean[28];
    boolean[] second = new boolean[28];
    for (int i = 0; i < 28; i++) {
      first[i] = i >= 2;            // wrong on images 0, 1: 26 right
      second[i] = i >= 2 && i < 24 || i == 0; // wrong on 1 and 24..27, right on 0: 23 right
    }
    assertEquals(26, count(first));
    assertEquals(23, count(second));
    McNemarTest t = McNemarTest.of(first, second);
    assertEquals(4, t.onlyFirst());
    assertEquals(1, t.onlySecond());
    assertEquals(McNemarTest.EXACT, t.method());
    assertEquals(0.375, t.pValue(), 1e-12);
    assertFalse(t.significant());
  }

  /** b = 1, c = 5: p = 2 (1 + 6) / 64 = 0.21875; b = 0, c = 6: 2 / 64 = 0.03125. */
  @Test
  void exactFormSmallCounts() {
    assertEquals(0.21875, McNemarTest.of(1, 5).pValue(), 1e-12);
    assertEquals(0.03125, McNemarTest.of(0, 6).pValue(), 1e-12);
    assertTrue(McNemarTest.of(0, 6).significant());
    assertEquals(1.0, McNemarTest.of(3, 3).pValue(), 1e-12);
    assertEquals(1.0, McNemarTest.of(0, 0).pValue(), 1e-12);
  }

  /**
   * b = 10, c = 25 (35 discordant): statistic (|10 - 25| - 1)^2 / 35 = 196 / 35 = 5.6; chi-square
   * tables give p = 0.01796 for 5.6 on one degree of freedom, and 0.05 and 0.01 at the critical
   * values 3.8415 and 6.6349.
   */
  @Test
  void chiSquareFormWithContinuityCorrection() {
    McNemarTest t = McNemarTest.of(10, 25);
    assertEquals(McNemarTest.CHI_SQUARE, t.method());
    assertEquals(5.6, t.statistic(), 1e-12);
    assertEquals(0.01796, t.pValue(), 1e-5);
    assertEquals(0.05, McNemarTest.chiSquarePValue(3.841459), 1e-6);
    assertEquals(0.01, McNemarTest.chiSquarePValue(6.634897), 1e-6);
  }

  @Test
  void unpairedAnswersAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> McNemarTest.of(new boolean[3], new boolean[4]));
  }

  /** Newcombe (1998), Table I, method 3 (score interval). */
  @Test
  void wilsonIntervalsOfNewcombe() {
    check(WilsonInterval.of(81, 263), 0.2553, 0.3662);
    check(WilsonInterval.of(15, 148), 0.0624, 0.1605);
    check(WilsonInterval.of(0, 20), 0.0, 0.1611);
    check(WilsonInterval.of(1, 29), 0.0061, 0.1718);
  }

  private static void check(WilsonInterval w, double lower, double upper) {
    assertEquals(lower, w.lower(), 5e-5);
    assertEquals(upper, w.upper(), 5e-5);
  }

  private static int count(boolean[] a) {
    int n = 0;
    for (boolean b : a) {
      n += b ? 1 : 0;
    }
    return n;
  }
}
