package dev.sommelier.tasks.model;

import dev.sommelier.tasks.data.source.DataSource;

/** What a model answers: a class (with probabilities for all classes) or a value. */
public enum TaskKind {
  CLASSIFICATION,
  REGRESSION;

  /** The task a data source's labels serve unless told otherwise: regression for values. */
  public static TaskKind defaultFor(DataSource.Kind labels) {
    return labels.valueLabels() ? REGRESSION : CLASSIFICATION;
  }
}
