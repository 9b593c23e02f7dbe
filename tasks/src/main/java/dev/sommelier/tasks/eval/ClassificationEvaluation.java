package dev.sommelier.tasks.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link ClassificationReport} from true class indices and predicted probability rows.
 * The predicted class of a row is its most probable class, the lowest index among equals.
 */
public final class ClassificationEvaluation {

  private ClassificationEvaluation() {}

  /**
   * Evaluates probability rows given as a matrix.
   *
   * @param truth true class index of each sample, in {@code [0, classNames.size())}
   * @param probabilities one row of {@code classNames.size()} probabilities per sample
   * @param classNames class names in index order
   * @param topK the k of top-k accuracy, at least 1; clamped to the number of classes
   * @return the report
   * @throws IllegalArgumentException on empty input, mismatched sizes, a class index out of range
   *     or a NaN probability
   */
  public static ClassificationReport evaluate(
      int[] truth, float[][] probabilities, List<String> classNames, int topK) {
    int k = classNames.size();
    if (probabilities.length != truth.length) {
      throw new IllegalArgumentException(
          probabilities.length + " probability rows for " + truth.length + " labels");
    }
    float[] flat = new float[Math.multiplyExact(truth.length, k)];
    for (int i = 0; i < truth.length; i++) {
      if (probabilities[i].length != k) {
        throw new IllegalArgumentException(
            "row " + i + " has " + probabilities[i].length + " probabilities, not " + k);
      }
      System.arraycopy(probabilities[i], 0, flat, i * k, k);
    }
    return evaluate(truth, flat, classNames, topK);
  }

  /**
   * Evaluates probability rows given flat, row-major: sample {@code i}'s probability of class
   * {@code c} is {@code probabilities[i * classNames.size() + c]}.
   *
   * @param truth true class index of each sample, in {@code [0, classNames.size())}
   * @param probabilities {@code truth.length * classNames.size()} probabilities
   * @param classNames class names in index order
   * @param topK the k of top-k accuracy, at least 1; clamped to the number of classes
   * @return the report
   * @throws IllegalArgumentException on empty input, mismatched sizes, a class index out of range
   *     or a NaN probability
   */
  public static ClassificationReport evaluate(
      int[] truth, float[] probabilities, List<String> classNames, int topK) {
    int n = truth.length;
    int k = classNames.size();
    if (n == 0 || k == 0) {
      throw new IllegalArgumentException(
          "nothing to evaluate: " + n + " samples, " + k + " classes");
    }
    if (probabilities.length != (long) n * k) {
      throw new IllegalArgumentException(
          probabilities.length + " probabilities for " + n + " samples x " + k + " classes");
    }
    if (topK < 1) {
      throw new IllegalArgumentException("top-k needs k >= 1, got " + topK);
    }
    int clampedK = Math.min(topK, k);
    long[][] counts = new long[k][k];
    long topKHits = 0;
    for (int i = 0; i < n; i++) {
      int t = truth[i];
      if (t < 0 || t >= k) {
        throw new IllegalArgumentException("label " + i + " is " + t + ", outside [0, " + k + ")");
      }
      int offset = i * k;
      counts[t][argMax(probabilities, offset, k, i)]++;
      if (rankOf(probabilities, offset, k, t) < clampedK) {
        topKHits++;
      }
    }
    return report(n, clampedK, topKHits, new ConfusionMatrix(classNames, counts));
  }

  private static ClassificationReport report(
      int n, int topK, long topKHits, ConfusionMatrix confusion) {
    List<String> names = confusion.classes();
    int k = names.size();
    long[] predicted = new long[k];
    long correct = 0;
    for (int t = 0; t < k; t++) {
      correct += confusion.count(t, t);
      for (int p = 0; p < k; p++) {
        predicted[p] += confusion.count(t, p);
      }
    }
    List<ClassMetrics> perClass = new ArrayList<>(k);
    double f1Sum = 0;
    double weightedF1Sum = 0;
    for (int c = 0; c < k; c++) {
      long truePositives = confusion.count(c, c);
      long support = 0;
      for (int p = 0; p < k; p++) {
        support += confusion.count(c, p);
      }
      double precision = ratio(truePositives, predicted[c]);
      double recall = ratio(truePositives, support);
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      perClass.add(new ClassMetrics(names.get(c), precision, recall, f1, support));
      f1Sum += f1;
      weightedF1Sum += f1 * support;
    }
    return new ClassificationReport(
        n,
        (double) correct / n,
        topK,
        (double) topKHits / n,
        f1Sum / k,
        weightedF1Sum / n,
        perClass,
        confusion);
  }

  /** Index of the largest probability in the row, the lowest index among equals. */
  private static int argMax(float[] probabilities, int offset, int k, int row) {
    int best = 0;
    for (int c = 0; c < k; c++) {
      float p = probabilities[offset + c];
      if (Float.isNaN(p)) {
        throw new IllegalArgumentException("probability row " + row + " contains NaN");
      }
      if (p > probabilities[offset + best]) {
        best = c;
      }
    }
    return best;
  }

  /** 0-based position of class {@code c} when the row is sorted descending, ties by index. */
  private static int rankOf(float[] probabilities, int offset, int k, int c) {
    float pc = probabilities[offset + c];
    int rank = 0;
    for (int j = 0; j < k; j++) {
      float pj = probabilities[offset + j];
      if (pj > pc || (pj == pc && j < c)) {
        rank++;
      }
    }
    return rank;
  }

  /** {@code numerator / denominator}, and 0 when the denominator is 0. */
  private static double ratio(long numerator, long denominator) {
    return denominator == 0 ? 0 : (double) numerator / denominator;
  }
}
