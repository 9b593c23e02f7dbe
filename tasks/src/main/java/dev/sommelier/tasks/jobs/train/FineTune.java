package dev.sommelier.tasks.jobs.train;

import dev.sommelier.tasks.train.TrainScope;

/**
 * The second phase of two-phase training: after the head has trained alone, the head and the
 * backbone's last blocks train on, by default at a tenth of the learning rate. A pretrained
 * MobileNet with frozen batch norm may need far less with Adam (the demo uses 1e-4 after 0.02):
 * a few of its channels have a moving variance near zero, so that small changes of the weights
 * before them are multiplied a hundredfold.
 *
 * @param scope what trains in the second phase ({@code last-N} or {@code all})
 * @param epochs epochs of the second phase, at least 1
 * @param learningRate the phase's learning rate, or null for a tenth of the first phase's
 */
public record FineTune(TrainScope scope, int epochs, Float learningRate) {

  private static final String FORM = "use SCOPE:EPOCHS[:RATE], such as last-4:5 or last-4:5:1e-4";

  /** Checks that the phase trains some backbone blocks, has epochs and a positive rate. */
  public FineTune {
    if (scope.headOnly()) {
      throw new IllegalArgumentException(
          "fine-tuning trains backbone blocks: use last-N or all, not head");
    }
    if (epochs < 1) {
      throw new IllegalArgumentException("fine-tuning needs at least 1 epoch, got " + epochs);
    }
    if (learningRate != null && !(learningRate > 0 && Float.isFinite(learningRate))) {
      throw new IllegalArgumentException(
          "the fine-tuning learning rate must be > 0, got " + learningRate);
    }
  }

  /** A phase at a tenth of the first phase's rate. */
  public FineTune(TrainScope scope, int epochs) {
    this(scope, epochs, null);
  }

  /** This phase's rate after a first phase at {@code firstRate}. */
  public float rate(float firstRate) {
    return learningRate != null ? learningRate : firstRate / 10;
  }

  /**
   * Parses {@code SCOPE:EPOCHS} or {@code SCOPE:EPOCHS:RATE}, such as {@code last-4:5} or {@code
   * last-4:5:1e-4}.
   *
   * @throws IllegalArgumentException naming the accepted form
   */
  public static FineTune parse(String text) {
    String[] parts = text.strip().split(":");
    if (parts.length < 2 || parts.length > 3) {
      throw new IllegalArgumentException("bad fine-tuning '" + text + "': " + FORM);
    }
    try {
      return new FineTune(TrainScope.parse(parts[0]), Integer.parseInt(parts[1].strip()),
          parts.length == 3 ? Float.valueOf(parts[2].strip()) : null);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad fine-tuning '" + text + "': " + FORM, e);
    }
  }

  /** {@code last-4:5} or {@code last-4:5:1.0E-4}, as {@link #parse} reads it. */
  @Override
  public String toString() {
    return scope + ":" + epochs + (learningRate == null ? "" : ":" + learningRate);
  }
}
