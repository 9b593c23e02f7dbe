package dev.sommelier.tasks.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorDistributionTest {

  private static final double EPS = 1e-9;

  @Test
  void quartilesInterpolateBetweenOrderStatistics() {
    double[] eight = {1, 2, 3, 4, 5, 6, 7, 8};
    assertEquals(2.75, Quantiles.of(eight, 0.25), EPS);
    assertEquals(4.5, Quantiles.of(eight, 0.5), EPS);
    assertEquals(6.25, Quantiles.of(eight, 0.75), EPS);
    assertEquals(1, Quantiles.of(eight, 0), EPS);
    assertEquals(8, Quantiles.of(eight, 1), EPS);
    double[] five = {1, 2, 3, 4, 5};
    assertEquals(2, Quantiles.of(five, 0.25), EPS);
    assertEquals(3, Quantiles.of(five, 0.5), EPS);
    assertEquals(4, Quantiles.of(five, 0.75), EPS);
  }

  /**
   * Rank 1 errors 0.5, -0.5, 1, 0 sort to -0.5, 0, 0.5, 1: Q1 at position 0.75 is -0.125, the
   * median 0.25, Q3 at 2.25 is 0.625. Rank 2 has no sample and is left out.
   */
  @Test
  void summarisesErrorsPerTrueRank() {
    List<RankErrors> errors =
        ErrorDistribution.byRank(
            new RankScale(1, 3),
            new float[] {1, 3, 1, 1, 1},
            new float[] {1.5f, 2.5f, 0.5f, 2f, 1f});
    assertEquals(2, errors.size());
    assertEquals(new RankErrors(1, 4, 0.25, -0.5, -0.125, 0.25, 0.625, 1.0), errors.get(0));
    assertEquals(new RankErrors(3, 1, -0.5, -0.5, -0.5, -0.5, -0.5, -0.5), errors.get(1));
  }
}
