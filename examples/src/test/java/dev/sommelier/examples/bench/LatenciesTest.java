package dev.sommelier.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatenciesTest {

  @Test
  void percentilesAreNearestRankInMilliseconds() {
    long[] nanos = new long[100];
    for (int i = 0; i < 100; i++) {
      nanos[i] = (100 - i) * 1_000_000L; // 100 ms down to 1 ms, unsorted
    }
    Latencies l = new Latencies(nanos);
    assertEquals(50.0, l.percentileMillis(50));
    assertEquals(95.0, l.percentileMillis(95));
    assertEquals(99.0, l.percentileMillis(99));
    assertEquals(100.0, l.maxMillis());
  }

  @Test
  void aSmallSampleTakesTheValueAtOrAboveTheRank() {
    Latencies l = new Latencies(new long[] {3_000_000L, 1_000_000L, 2_000_000L});
    assertEquals(2.0, l.percentileMillis(50));
    assertEquals(3.0, l.percentileMillis(95));
    assertTrue(Double.isNaN(new Latencies(new long[0]).percentileMillis(50)));
  }
}
