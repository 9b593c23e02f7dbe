package dev.sommelier.tasks.model;

/** What a model answers: a class (with probabilities for all classes) or a value. */
public enum TaskKind {
  CLASSIFICATION,
  REGRESSION
}
