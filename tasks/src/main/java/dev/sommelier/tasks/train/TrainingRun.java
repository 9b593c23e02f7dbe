package dev.sommelier.tasks.train;

import dev.sommelier.tasks.model.TaskModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The state of a training run that listeners see: model, settings, history, what counts as an
 * improvement, and a stop switch.
 */
public final class TrainingRun {

  private final TaskModel model;
  private final TrainingConfig config;
  private final Monitor monitor;
  private final List<EpochResult> history = new ArrayList<>();
  private volatile boolean stopRequested;

  TrainingRun(TaskModel model, TrainingConfig config, Monitor monitor,
      List<EpochResult> resumedHistory) {
    this.model = model;
    this.config = config;
    this.monitor = monitor;
    this.history.addAll(resumedHistory);
  }

  public TaskModel model() {
    return model;
  }

  public TrainingConfig config() {
    return config;
  }

  /** The rule the best checkpoint, early stopping and the plateau schedule share. */
  public Monitor monitor() {
    return monitor;
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
}
