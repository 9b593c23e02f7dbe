package dev.sommelier.tasks.eval;

import java.util.Arrays;
import java.util.List;

/**
 * Counts of (true class, predicted class) pairs: {@code counts[t][p]}, rows are true classes and
 * columns predicted ones, both in the order of {@code classes}. Immutable: the array is copied in
 * and out.
 *
 * @param classes class names, one per row and per column
 * @param counts square matrix of counts, {@code classes.size()} on each side
 */
public record ConfusionMatrix(List<String> classes, long[][] counts) {

  /** Copies and checks that {@code counts} is square with one row per class. */
  public ConfusionMatrix {
    classes = List.copyOf(classes);
    counts = copy(counts);
    int k = classes.size();
    if (counts.length != k || Arrays.stream(counts).anyMatch(row -> row.length != k)) {
      throw new IllegalArgumentException("confusion matrix must be " + k + " x " + k);
    }
  }

  /** A copy of the counts. */
  @Override
  public long[][] counts() {
    return copy(counts);
  }

  /** How many samples of true class {@code truth} were predicted as {@code predicted}. */
  public long count(int truth, int predicted) {
    return counts[truth][predicted];
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ConfusionMatrix m
        && classes.equals(m.classes)
        && Arrays.deepEquals(counts, m.counts);
  }

  @Override
  public int hashCode() {
    return 31 * classes.hashCode() + Arrays.deepHashCode(counts);
  }

  @Override
  public String toString() {
    return "ConfusionMatrix[classes=" + classes + ", counts=" + Arrays.deepToString(counts) + "]";
  }

  private static long[][] copy(long[][] counts) {
    long[][] copy = new long[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      copy[i] = counts[i].clone();
    }
    return copy;
  }
}
