package dev.sommelier.tools.compare;

import dev.sommelier.tasks.train.TrainingListener;

/**
 * Told how a comparison goes: which run starts, and (as a {@link TrainingListener}) how the run
 * being trained goes. Called on the comparison's thread.
 */
public interface ComparisonListener extends TrainingListener {

  /**
   * Run {@code index} (from 0) of {@code count} comes next.
   *
   * @param finishedEarlier true when an earlier invocation finished it, so that it is not trained
   *     again (and no training events follow for it)
   */
  default void onRunStart(int index, int count, PlannedRun run, boolean finishedEarlier) {}

  /** Every run is trained; the results are gathered and the test images explained. */
  default void onRunsTrained() {}
}
