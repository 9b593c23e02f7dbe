package dev.sommelier.tasks.train;

import java.util.List;

/**
 * How to train: the phases (one, or the two-phase recipe: head first, then the last blocks at a
 * lower rate), the schedule, early stopping, checkpoints and batch norm's recalibration.
 *
 * @param phases the phases, run in order
 * @param schedule learning rate per epoch within each phase
 * @param earlyStoppingPatience epochs without improvement of the monitored value before stopping;
 *     0 = never stop early
 * @param cacheFeatures reuse backbone features across epochs of head-only phases when the data
 *     are repeatable (no augmentation)
 * @param preciseBnImages training images over which batch norm's moving statistics are
 *     recomputed before each validation and checkpoint, when batch norm trains and the phase
 *     trains backbone layers (see {@link PreciseBatchNorm}); 0 = never, keeping the moving
 *     averages of the training steps
 */
public record TrainingConfig(
    List<TrainingPhase> phases, LearningRateSchedule schedule, int earlyStoppingPatience,
    boolean cacheFeatures, int preciseBnImages) {

  /**
   * Default of {@link #preciseBnImages}: 512 images give every channel's mean and variance to a
   * few percent of their spread across images, and cost one forward pass over them per epoch.
   */
  public static final int DEFAULT_PRECISE_BN_IMAGES = 512;

  public TrainingConfig {
    phases = List.copyOf(phases);
    if (phases.isEmpty()) {
      throw new IllegalArgumentException("at least one training phase is needed");
    }
    if (earlyStoppingPatience < 0) {
      throw new IllegalArgumentException("patience must be >= 0, got " + earlyStoppingPatience);
    }
    if (preciseBnImages < 0) {
      throw new IllegalArgumentException(
          "precise BN's images (batch norm's recalibration) must be >= 0, 0 = off; got "
              + preciseBnImages);
    }
  }

  /** A configuration that recalibrates batch norm on {@link #DEFAULT_PRECISE_BN_IMAGES} images. */
  public TrainingConfig(List<TrainingPhase> phases, LearningRateSchedule schedule,
      int earlyStoppingPatience, boolean cacheFeatures) {
    this(phases, schedule, earlyStoppingPatience, cacheFeatures, DEFAULT_PRECISE_BN_IMAGES);
  }

  /** Epochs over all phases. */
  public int totalEpochs() {
    return phases.stream().mapToInt(TrainingPhase::epochs).sum();
  }
}
