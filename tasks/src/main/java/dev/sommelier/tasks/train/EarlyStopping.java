package dev.sommelier.tasks.train;

import java.util.List;

/** Stops a run when the monitored loss has not improved for {@code patience} epochs. */
public final class EarlyStopping implements TrainingListener {

  private final int patience;

  public EarlyStopping(int patience) {
    if (patience < 1) {
      throw new IllegalArgumentException("patience must be >= 1, got " + patience);
    }
    this.patience = patience;
  }

  @Override
  public void onEpochEnd(TrainingRun run, EpochResult result) {
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
