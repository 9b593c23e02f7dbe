package dev.sommelier.tasks.model;

import dev.sommelier.tasks.data.source.DataSource;

/**
 * What a model answers: a class (with probabilities for all classes), a value, or any number of
 * labels (with a probability for each).
 */
public enum TaskKind {
  CLASSIFICATION,
  REGRESSION,
  MULTILABEL;

  /**
   * The task a data source's labels serve unless told otherwise: regression for values,
   * multi-label for label sets.
   */
  public static TaskKind defaultFor(DataSource.Kind labels) {
    if (labels.multiLabel()) {
      return MULTILABEL;
    }
    return labels.valueLabels() ? REGRESSION : CLASSIFICATION;
  }
}
