package dev.sommelier.tasks.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankThresholdsTest {

  private static final RankThresholds THRESHOLDS =
      new RankThresholds(new RankScale(1, 4), List.of(1.5, 2.0, 3.25));

  @Test
  void countsCutPointsStrictlyBelowThePrediction() {
    assertEquals(1, THRESHOLDS.rank(-7));
    assertEquals(1, THRESHOLDS.rank(1.5));
    assertEquals(2, THRESHOLDS.rank(1.50001));
    assertEquals(2, THRESHOLDS.rank(2.0));
    assertEquals(3, THRESHOLDS.rank(3.25));
    assertEquals(4, THRESHOLDS.rank(3.3));
    assertEquals(4, THRESHOLDS.rank(100));
  }

  @Test
  void roundingRoundsHalvesUpAndClamps() {
    RankScale scale = new RankScale(1, 5);
    assertEquals(1, scale.round(-3.2));
    assertEquals(2, scale.round(1.5));
    assertEquals(3, scale.round(3.49));
    assertEquals(5, scale.round(5.6));
  }

  @Test
  void rejectsCutPointsOutOfOrderOrOfTheWrongCount() {
    RankScale scale = new RankScale(1, 3);
    assertThrows(
        IllegalArgumentException.class, () -> new RankThresholds(scale, List.of(2.0, 2.0)));
    assertThrows(IllegalArgumentException.class, () -> new RankThresholds(scale, List.of(2.0)));
    assertThrows(IllegalArgumentException.class, () -> new RankScale(2, 1));
  }
}
