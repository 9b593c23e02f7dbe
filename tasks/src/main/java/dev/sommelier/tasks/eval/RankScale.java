package dev.sommelier.tasks.eval;

/**
 * The integer grades {@code min..max} that a regressor on ranks predicts (for example cucumbers
 * graded 1 to 5).
 *
 * @param min lowest rank
 * @param max highest rank, at least {@code min}
 */
public record RankScale(int min, int max) {

  /** Checks that the scale is not empty. */
  public RankScale {
    if (max < min) {
      throw new IllegalArgumentException("rank scale " + min + ".." + max + " is empty");
    }
  }

  /** How many ranks the scale holds. */
  public int size() {
    return max - min + 1;
  }

  /**
   * The prediction rounded to the nearest integer (halves up) and clamped to the scale.
   *
   * @param prediction a regressor's output
   * @return a rank in {@code min..max}
   */
  public int round(double prediction) {
    return (int) Math.max(min, Math.min(max, Math.round(prediction)));
  }

  /**
   * The rank a target value stands for.
   *
   * @param target a regression target
   * @return the target as a rank
   * @throws IllegalArgumentException if the target is not a whole number within the scale
   */
  public int rankOf(float target) {
    if (target != Math.rint(target) || target < min || target > max) {
      throw new IllegalArgumentException(
          "target " + target + " is not a rank in " + min + ".." + max);
    }
    return (int) target;
  }
}
