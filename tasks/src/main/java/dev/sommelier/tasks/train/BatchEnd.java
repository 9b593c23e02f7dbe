package dev.sommelier.tasks.train;

/**
 * One finished training step, as {@link TrainingListener#onBatchEnd} sees it.
 *
 * @param epoch 1-based over the whole run
 * @param step 1-based within the epoch
 * @param steps steps of the epoch (at least {@code step})
 * @param loss the step's mean loss
 * @param images images in the step's batch
 */
public record BatchEnd(int epoch, int step, int steps, float loss, int images) {}
