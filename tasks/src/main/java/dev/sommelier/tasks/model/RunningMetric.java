package dev.sommelier.tasks.model;

/**
 * The number training shows per epoch next to the loss, summed batch by batch: accuracy, mean
 * absolute error or micro F1, as the model's {@link OutputKind} says.
 */
public interface RunningMetric {

  /**
   * Adds a batch.
   *
   * @param predictions {@code n * k} model outputs
   * @param targets {@code n * k} targets as {@link OutputKind#targets} encodes them
   */
  void add(float[] predictions, float[] targets, int n);

  /** The metric over everything added, NaN before the first batch. */
  double value();

  /** Images added. */
  int count();
}
