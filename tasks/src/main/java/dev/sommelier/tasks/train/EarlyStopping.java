package dev.sommelier.tasks.train;

/**
 * Stops a run when the monitored value has not improved for {@code patience} epochs (see {@link
 * Monitor}). A run resumed from a checkpoint whose epochs already met that rule (killed after
 * stopping, before the job ended) stops before its next epoch, as the uninterrupted run did.
 */
public final class EarlyStopping implements TrainingListener {

  private final int patience;

  public EarlyStopping(int patience) {
    if (patience < 1) {
      throw new IllegalArgumentException("patience must be >= 1, got " + patience);
    }
    this.patience = patience;
  }

  @Override
  public void onTrainingStart(TrainingRun run) {
    stopIfDue(run);
  }

  @Override
  public void onEpochEnd(TrainingRun run, EpochResult result) {
    stopIfDue(run);
  }

  private void stopIfDue(TrainingRun run) {
    if (run.monitor().epochsSinceBest(run.history()) >= patience) {
      run.stop();
    }
  }
}
