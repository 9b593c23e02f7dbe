package dev.sommelier.tasks.train;

import java.util.List;
import java.util.Locale;

/**
 * The learning rate of each epoch of a phase, computed from the phase's base rate and the epochs
 * already run (so a resumed run continues the same schedule). The rate lives in a graph variable;
 * changing it never rebuilds the graph.
 */
public sealed interface LearningRateSchedule {

  /**
   * @param epoch 0-based epoch within the phase
   * @param epochs epochs of the phase
   * @param base the phase's initial rate
   * @param history this phase's finished epochs, oldest first
   * @param monitor what counts as an improvement of those epochs
   */
  float rate(int epoch, int epochs, float base, List<EpochResult> history, Monitor monitor);

  /** The base rate throughout. */
  record Constant() implements LearningRateSchedule {
    @Override
    public float rate(
        int epoch, int epochs, float base, List<EpochResult> history, Monitor monitor) {
      return base;
    }
  }

  /** Multiplied by {@code factor} every {@code every} epochs. */
  record Step(int every, float factor) implements LearningRateSchedule {
    @Override
    public float rate(
        int epoch, int epochs, float base, List<EpochResult> history, Monitor monitor) {
      return base * (float) Math.pow(factor, epoch / Math.max(1, every));
    }
  }

  /** Cosine decay from the base rate towards 0 over the phase. */
  record Cosine() implements LearningRateSchedule {
    @Override
    public float rate(
        int epoch, int epochs, float base, List<EpochResult> history, Monitor monitor) {
      return (float) (base * 0.5 * (1 + Math.cos(Math.PI * epoch / Math.max(1, epochs))));
    }
  }

  /**
   * Multiplied by {@code factor} whenever the monitored value (see {@link Monitor}) has not
   * improved for {@code patience} epochs of the phase, never below {@code min}.
   */
  record ReduceOnPlateau(int patience, float factor, float min) implements LearningRateSchedule {
    @Override
    public float rate(
        int epoch, int epochs, float base, List<EpochResult> history, Monitor monitor) {
      float rate = base;
      int waited = 0;
      for (boolean improved : monitor.improvements(history)) {
        if (improved) {
          waited = 0;
        } else if (++waited >= patience) {
          rate = Math.max(min, rate * factor);
          waited = 0;
        }
      }
      return rate;
    }
  }

  /**
   * Parses {@code constant}, {@code step:EVERY:FACTOR}, {@code cosine} or
   * {@code plateau:PATIENCE:FACTOR}.
   */
  static LearningRateSchedule parse(String text) {
    String[] p = text.trim().toLowerCase(Locale.ROOT).split(":");
    try {
      return switch (p[0]) {
        case "constant" -> new Constant();
        case "cosine" -> new Cosine();
        case "step" -> new Step(p.length > 1 ? Integer.parseInt(p[1]) : 10, p.length > 2 ? Float.parseFloat(p[2]) : 0.1f);
        case "plateau" ->
            new ReduceOnPlateau(p.length > 1 ? Integer.parseInt(p[1]) : 3, p.length > 2 ? Float.parseFloat(p[2]) : 0.1f, 1e-7f);
        default -> throw new IllegalArgumentException();
      };
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "unknown learning-rate schedule '" + text
              + "': use constant, cosine, step:EVERY:FACTOR or plateau:PATIENCE:FACTOR");
    }
  }
}
