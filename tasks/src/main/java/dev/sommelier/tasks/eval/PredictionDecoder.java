package dev.sommelier.tasks.eval;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Turns one row of class probabilities into named classes, most probable first. */
public final class PredictionDecoder {

  private PredictionDecoder() {}

  /**
   * Every class of the row in descending order of probability; equal probabilities keep class
   * index order.
   *
   * @param probabilities one probability per class
   * @param classNames class names in index order, as many as probabilities
   * @return all classes, most probable first
   * @throws IllegalArgumentException if the sizes differ or a probability is NaN
   */
  public static List<ClassProbability> decode(float[] probabilities, List<String> classNames) {
    if (probabilities.length != classNames.size()) {
      throw new IllegalArgumentException(
          probabilities.length + " probabilities for " + classNames.size() + " classes");
    }
    for (float p : probabilities) {
      if (Float.isNaN(p)) {
        throw new IllegalArgumentException("probability row contains NaN");
      }
    }
    return IntStream.range(0, probabilities.length)
        .mapToObj(c -> new ClassProbability(c, classNames.get(c), probabilities[c]))
        .sorted(Comparator.comparingDouble(ClassProbability::probability).reversed())
        .toList();
  }
}
