package dev.sommelier.tasks.train;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * What "improved" means for a training run: the one rule that the best checkpoint, early stopping
 * and the plateau schedule all follow. An epoch improves when its value is a number and beats the
 * best value before it (lower in {@link Mode#MIN}, higher in {@link Mode#MAX}) by more than
 * {@code minDelta}; the first epoch with a number always improves. A tie (a difference of exactly
 * {@code minDelta}, or equal values with a delta of 0) is no improvement: the best checkpoint keeps
 * the older epoch, and patience and the plateau keep counting, so a flat loss stops a run.
 *
 * @param value the monitored number of an epoch
 * @param mode whether lower or higher is better
 * @param minDelta how much better than the best a value must be to count; >= 0
 */
public record Monitor(ToDoubleFunction<EpochResult> value, Mode mode, double minDelta) {

  /** The validation loss (the training loss without validation data), lower is better. */
  public static final Monitor LOSS = new Monitor(
      r -> Double.isNaN(r.valLoss()) ? r.loss() : r.valLoss(), Mode.MIN, 0);

  /** Which direction is better. */
  public enum Mode { MIN, MAX }

  public Monitor {
    if (!(minDelta >= 0)) {
      throw new IllegalArgumentException("the monitor's min delta must be >= 0, got " + minDelta);
    }
  }

  /**
   * For each epoch of {@code history}, oldest first, whether it improved on the epochs before it.
   */
  public boolean[] improvements(List<EpochResult> history) {
    boolean[] improved = new boolean[history.size()];
    double best = Double.NaN;
    for (int i = 0; i < improved.length; i++) {
      double v = value.applyAsDouble(history.get(i));
      improved[i] = !Double.isNaN(v) && (Double.isNaN(best) || beats(v, best));
      if (improved[i]) {
        best = v;
      }
    }
    return improved;
  }

  /** Whether the newest epoch of {@code history} improved on those before it. */
  public boolean newestImproved(List<EpochResult> history) {
    return !history.isEmpty() && improvements(history)[history.size() - 1];
  }

  /**
   * The 1-based epoch the best checkpoint holds: the last epoch that improved; the last epoch
   * when none has a number (its weights are the ones kept); 0 for an empty history.
   */
  public int bestEpoch(List<EpochResult> history) {
    boolean[] improved = improvements(history);
    for (int i = improved.length - 1; i >= 0; i--) {
      if (improved[i]) {
        return i + 1;
      }
    }
    return history.size();
  }

  /** Epochs run since the last one that improved (all of them when none did). */
  public int epochsSinceBest(List<EpochResult> history) {
    boolean[] improved = improvements(history);
    int since = 0;
    for (int i = improved.length - 1; i >= 0 && !improved[i]; i--) {
      since++;
    }
    return since;
  }

  private boolean beats(double v, double best) {
    return mode == Mode.MIN ? v < best - minDelta : v > best + minDelta;
  }
}
