package dev.sommelier.tools.bench;

/** Wall-clock timing of a repeated step: untimed warm-up runs, then a timed series. */
final class Timing {

  private Timing() {}

  /** Runs {@code step} {@code warmup} times untimed, then {@code runs} times; seconds per run. */
  static double secondsPerRun(int warmup, int runs, Runnable step) {
    for (int i = 0; i < warmup; i++) {
      step.run();
    }
    long start = System.nanoTime();
    for (int i = 0; i < runs; i++) {
      step.run();
    }
    return (System.nanoTime() - start) / 1e9 / runs;
  }
}
