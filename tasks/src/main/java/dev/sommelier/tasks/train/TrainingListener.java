package dev.sommelier.tasks.train;

/**
 * Hooks into a training run: progress display, logs, the checkpoints and early stopping ({@link
 * EarlyStopping}) are all listeners, and an application can add its own. The trainer calls the
 * checkpoints first (so that any other listener finds the epoch saved), then early stopping, then
 * the listeners added with {@link Trainer#listen}, in the order they were added.
 */
public interface TrainingListener {

  /** Before the first epoch (after a resume, before the first epoch still to run). */
  default void onTrainingStart(TrainingRun run) {}

  /** After each step. */
  default void onBatchEnd(TrainingRun run, BatchEnd batch) {}

  /** After each epoch, with its numbers; call {@link TrainingRun#stop()} to end the run. */
  default void onEpochEnd(TrainingRun run, EpochResult result) {}

  /** After the last epoch. */
  default void onTrainingEnd(TrainingRun run) {}
}
