package dev.sommelier.examples.bench;

import java.util.Arrays;

/** Percentiles of request latencies, nearest-rank, in milliseconds. */
final class Latencies {

  private final long[] sortedNanos;

  Latencies(long[] nanos) {
    this.sortedNanos = nanos.clone();
    Arrays.sort(sortedNanos);
  }

  int count() {
    return sortedNanos.length;
  }

  /** The {@code p}-th percentile (0 < p <= 100): the smallest value at or above p % of all. */
  double percentileMillis(double p) {
    if (sortedNanos.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
    return sortedNanos[Math.max(0, rank - 1)] / 1e6;
  }

  double maxMillis() {
    return sortedNanos.length == 0 ? Double.NaN : sortedNanos[sortedNanos.length - 1] / 1e6;
  }
}
