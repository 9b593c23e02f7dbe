package dev.sommelier.tools.compare;

/**
 * A comparison ended by {@link Comparison#stopBeforeNextRun()} before all its runs were trained.
 * The runs trained so far are kept; the same comparison again resumes with the next one.
 */
public final class ComparisonStoppedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Stopped before run {@code next} (from 0) of {@code count}, named {@code name}. */
  ComparisonStoppedException(int next, int count, String name) {
    super("Stopped before run " + (next + 1) + " of " + count + " (" + name + "); the runs"
        + " trained so far are kept, and starting the same comparison again goes on from there");
  }
}
