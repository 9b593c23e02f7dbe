package dev.sommelier.tasks.jobs.explain;

import dev.sommelier.tasks.explain.faithfulness.BatchScorer;
import dev.sommelier.tasks.model.ModelInput;
import dev.sommelier.tasks.model.TaskModel;

/**
 * Scores perturbed images with the model: the probability of one class, or the value of a
 * regressor, in one {@link TaskModel#predict} call per batch.
 */
final class TargetScorer implements BatchScorer {

  private final TaskModel model;
  private final int column;

  /**
   * @param column the class index, or 0 for a regressor's value
   */
  TargetScorer(TaskModel model, int column) {
    this.model = model;
    this.column = column;
  }

  @Override
  public float[] scores(float[] pixels, int n) {
    float[] out = model.predict(ModelInput.preprocessed(model, pixels), n);
    int k = model.head().outputs();
    float[] s = new float[n];
    for (int i = 0; i < n; i++) {
      s[i] = out[i * k + column];
    }
    return s;
  }
}
