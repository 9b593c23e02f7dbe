package dev.sommelier.tasks.eval;

import java.util.List;

/**
 * How a classifier did on a labelled set.
 *
 * @param samples how many samples were evaluated
 * @param accuracy fraction whose most probable class is the true one
 * @param topK the k of {@code topKAccuracy}, already clamped to the number of classes
 * @param topKAccuracy fraction whose true class is among the k most probable (ties broken by the
 *     lower class index, as in {@link PredictionDecoder})
 * @param macroF1 unweighted mean of the per-class F1, over every class, including classes absent
 *     from the set (their F1 is 0)
 * @param weightedF1 per-class F1 weighted by support
 * @param perClass one line per class, in class-index order
 * @param confusionMatrix rows are true classes, columns predicted ones
 */
public record ClassificationReport(
    int samples,
    double accuracy,
    int topK,
    double topKAccuracy,
    double macroF1,
    double weightedF1,
    List<ClassMetrics> perClass,
    ConfusionMatrix confusionMatrix) {

  /** Makes the per-class list immutable. */
  public ClassificationReport {
    perClass = List.copyOf(perClass);
  }
}
