package dev.sommelier.tasks.job;

import dev.sommelier.tasks.train.TrainScope;

/**
 * The second phase of two-phase training: after the head has trained alone, the head and the
 * backbone's last blocks train on at a tenth of the learning rate.
 *
 * @param scope what trains in the second phase ({@code last-N} or {@code all})
 * @param epochs epochs of the second phase, at least 1
 */
public record FineTune(TrainScope scope, int epochs) {

  /** Checks that the phase trains some backbone blocks and has epochs. */
  public FineTune {
    if (scope.headOnly()) {
      throw new IllegalArgumentException(
          "fine-tuning trains backbone blocks: use last-N or all, not head");
    }
    if (epochs < 1) {
      throw new IllegalArgumentException("fine-tuning needs at least 1 epoch, got " + epochs);
    }
  }

  /**
   * Parses {@code SCOPE:EPOCHS}, such as {@code last-4:5}.
   *
   * @throws IllegalArgumentException naming the accepted form
   */
  public static FineTune parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException(
          "bad fine-tuning '" + text + "': use SCOPE:EPOCHS, such as last-4:5");
    }
    int epochs;
    try {
      epochs = Integer.parseInt(text.substring(colon + 1).strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "bad fine-tuning '" + text + "': use SCOPE:EPOCHS, such as last-4:5", e);
    }
    return new FineTune(TrainScope.parse(text.substring(0, colon)), epochs);
  }

  /** {@code last-4:5}, as {@link #parse} reads it. */
  @Override
  public String toString() {
    return scope + ":" + epochs;
  }
}
