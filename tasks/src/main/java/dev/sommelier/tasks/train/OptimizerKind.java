package dev.sommelier.tasks.train;

import dev.sommelier.core.VariableStore;
import dev.sommelier.core.train.Adam;
import dev.sommelier.core.train.Momentum;
import dev.sommelier.core.train.Optimizer;
import dev.sommelier.core.train.Sgd;
import java.util.Locale;

/** The optimizers a training run can choose by name. */
public enum OptimizerKind {
  SGD,
  MOMENTUM,
  NESTEROV,
  ADAM;

  /** Creates the optimizer, its state kept in {@code store}. */
  public Optimizer create(VariableStore store) {
    return switch (this) {
      case SGD -> new Sgd();
      case MOMENTUM -> new Momentum(store, 0.9f, false);
      case NESTEROV -> new Momentum(store, 0.9f, true);
      case ADAM -> new Adam(store);
    };
  }

  /** Parses {@code sgd}, {@code momentum}, {@code nesterov} or {@code adam}. */
  public static OptimizerKind parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown optimizer '" + text + "': use sgd, momentum, nesterov or adam");
    }
  }
}
