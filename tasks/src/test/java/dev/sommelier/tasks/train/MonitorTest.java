package dev.sommelier.tasks.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonitorTest {

  private static final double NAN = Double.NaN;

  /** Epochs with these validation losses (and a training loss of 9 that must not count). */
  static List<EpochResult> valLosses(double... v) {
    return Arrays.stream(v).mapToObj(x -> epoch(9, x, NAN)).toList();
  }

  private static EpochResult epoch(double loss, double valLoss, double valMetric) {
    return new EpochResult(1, 0, 0.1f, loss, NAN, valLoss, valMetric, 1, 1);
  }

  @Test
  void aTieIsNoImprovementAndTheBestIsTheOlderEpoch() {
    List<EpochResult> h = valLosses(1.0, 0.8, 0.8, 0.9, 0.8);
    assertArrayEquals(new boolean[] {true, true, false, false, false},
        Monitor.LOSS.improvements(h));
    assertEquals(2, Monitor.LOSS.bestEpoch(h));
    assertEquals(3, Monitor.LOSS.epochsSinceBest(h));
    assertFalse(Monitor.LOSS.newestImproved(h));
    assertTrue(Monitor.LOSS.newestImproved(h.subList(0, 2)));
  }

  @Test
  void aValueMustBeatTheBestByMoreThanTheMinDelta() {
    Monitor m = new Monitor(Monitor.LOSS.value(), Monitor.Mode.MIN, 0.25);
    // 0.8 beats 1.0 by 0.2 (no), 0.75 by exactly 0.25 (a tie: no), 0.7 by 0.3 (yes), then 0.5
    // beats 0.7 by 0.2 (no) although it is the lowest so far.
    List<EpochResult> h = valLosses(1.0, 0.8, 0.75, 0.7, 0.5);
    assertArrayEquals(new boolean[] {true, false, false, true, false}, m.improvements(h));
    assertEquals(4, m.bestEpoch(h));
    assertThrows(IllegalArgumentException.class,
        () -> new Monitor(Monitor.LOSS.value(), Monitor.Mode.MIN, -0.1));
  }

  @Test
  void inMaxModeHigherIsBetter() {
    Monitor accuracy = new Monitor(EpochResult::valMetric, Monitor.Mode.MAX, 0.01);
    List<EpochResult> h = List.of(epoch(1, 1, 0.50), epoch(1, 1, 0.70), epoch(1, 1, 0.705),
        epoch(1, 1, 0.60), epoch(1, 1, 0.80));
    assertArrayEquals(new boolean[] {true, true, false, false, true}, accuracy.improvements(h));
    assertEquals(5, accuracy.bestEpoch(h));
    assertEquals(1, accuracy.epochsSinceBest(h.subList(0, 3)));
  }

  @Test
  void theLossMonitorWatchesTheValidationLossElseTheTrainingLoss() {
    assertArrayEquals(new boolean[] {true, false},
        Monitor.LOSS.improvements(List.of(epoch(5, 1, NAN), epoch(0.1, 2, NAN))));
    assertArrayEquals(new boolean[] {true, true},
        Monitor.LOSS.improvements(List.of(epoch(5, NAN, NAN), epoch(4, NAN, NAN))));
  }

  @Test
  void anEpochWithoutANumberNeverImprovesNorBlocksTheNextOne() {
    List<EpochResult> h = List.of(epoch(NAN, NAN, NAN), epoch(2, NAN, NAN), epoch(NAN, NAN, NAN));
    assertArrayEquals(new boolean[] {false, true, false}, Monitor.LOSS.improvements(h));
    assertEquals(2, Monitor.LOSS.bestEpoch(h));
    // None with a number: no best checkpoint is written, and the last weights are the ones kept.
    List<EpochResult> none = List.of(epoch(NAN, NAN, NAN), epoch(NAN, NAN, NAN));
    assertFalse(Monitor.LOSS.newestImproved(none));
    assertEquals(2, Monitor.LOSS.bestEpoch(none));
    assertEquals(2, Monitor.LOSS.epochsSinceBest(none));
    assertEquals(0, Monitor.LOSS.bestEpoch(List.of()));
  }
}
