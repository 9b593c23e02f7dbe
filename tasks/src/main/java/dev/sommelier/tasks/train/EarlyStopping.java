package dev.sommelier.tasks.train;

import java.util.List;

/**
 * Stops a run when the monitored loss has not improved for {@code patience} epochs. A run resumed
 * from a checkpoint whose epochs already met that rule (killed after stopping, before the job
 * ended) stops before its next epoch, as the uninterrupted run did.
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
    List<EpochResult> h = run.history();
    int best = 0;
    for (int i = 1; i < h.size(); i++) {
      if (TrainingRun.monitored(h.get(i)) < TrainingRun.monitored(h.get(best))) {
        best = i;
      }
    }
    if (h.size() - 1 - best >= patience) {
      run.stop();
    }
  }
}
