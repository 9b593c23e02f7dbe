package dev.sommelier.tasks.train;

import java.util.List;

/**
 * How to train: the phases (one, or the two-phase recipe: head first, then the last blocks at a
 * lower rate), the schedule, early stopping and checkpoints.
 *
 * @param phases the phases, run in order
 * @param schedule learning rate per epoch within each phase
 * @param earlyStoppingPatience epochs without improvement of the monitored value before stopping;
 *     0 = never stop early
 * @param cacheFeatures reuse backbone features across epochs of head-only phases when the data
 *     are repeatable (no augmentation)
 */
public record TrainingConfig(
    List<TrainingPhase> phases, LearningRateSchedule schedule, int earlyStoppingPatience, boolean cacheFeatures) {

  public TrainingConfig {
    phases = List.copyOf(phases);
    if (phases.isEmpty()) {
      throw new IllegalArgumentException("at least one training phase is needed");
    }
    if (earlyStoppingPatience < 0) {
      throw new IllegalArgumentException("patience must be >= 0, got " + earlyStoppingPatience);
    }
  }

  /** Epochs over all phases. */
  public int totalEpochs() {
    return phases.stream().mapToInt(TrainingPhase::epochs).sum();
  }
}
