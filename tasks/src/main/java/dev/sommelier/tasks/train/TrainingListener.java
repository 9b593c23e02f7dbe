package dev.sommelier.tasks.train;

/**
 * Hooks into a training run: progress display, logs, checkpoints and early stopping are all
 * listeners, and an application can add its own.
 */
public interface TrainingListener {

  /** Before the first epoch (after a resume, before the first epoch still to run). */
  default void onTrainingStart(TrainingRun run) {}

  /** After each step; {@code step} is 1-based within the epoch. */
  default void onBatchEnd(TrainingRun run, int epoch, int step, int steps, float loss, int images) {}

  /** After each epoch, with its numbers; call {@link TrainingRun#stop()} to end the run. */
  default void onEpochEnd(TrainingRun run, EpochResult result) {}

  /** After the last epoch. */
  default void onTrainingEnd(TrainingRun run) {}
}
