package dev.sommelier.tasks.train;

import dev.sommelier.tasks.model.TaskModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The state of a training run that listeners see: model, settings, history, and a stop switch. */
public final class TrainingRun {

  private final TaskModel model;
  private final TrainingConfig config;
  private final List<EpochResult> history = new ArrayList<>();
  private volatile boolean stopRequested;

  TrainingRun(TaskModel model, TrainingConfig config, List<EpochResult> resumedHistory) {
    this.model = model;
    this.config = config;
    this.history.addAll(resumedHistory);
  }

  public TaskModel model() {
    return model;
  }

  public TrainingConfig config() {
    return config;
  }

  /** Finished epochs, oldest first (including those before a resume). */
  public List<EpochResult> history() {
    return Collections.unmodifiableList(history);
  }

  /** Ends the run after the current epoch. */
  public void stop() {
    stopRequested = true;
  }

  boolean stopRequested() {
    return stopRequested;
  }

  void add(EpochResult r) {
    history.add(r);
  }

  /**
   * The 1-based epoch the best checkpoint holds: the last epoch with the lowest {@link #monitored}
   * value (a tie goes to the newer epoch).
   */
  public static int bestEpoch(List<EpochResult> history) {
    int best = 0;
    for (int i = 1; i < history.size(); i++) {
      if (monitored(history.get(i)) <= monitored(history.get(best))) {
        best = i;
      }
    }
    return best + 1;
  }

  /** The value early stopping and the best checkpoint watch: validation loss, else training loss. */
  public static double monitored(EpochResult r) {
    return Double.isNaN(r.valLoss()) ? r.loss() : r.valLoss();
  }
}
