package dev.sommelier.tasks.predict;

import dev.sommelier.tasks.eval.ClassProbability;
import dev.sommelier.tasks.model.TaskKind;
import java.util.List;

/**
 * What a model says about one image.
 *
 * @param id the image's name or path
 * @param task what the model answers: a class, a value or labels
 * @param classes every class (or label) with its probability, most probable first (empty for
 *     regression)
 * @param value the predicted value (regression), NaN otherwise
 * @param labels the labels at or over their decision threshold, most probable first (multi-label
 *     only; empty otherwise, and empty when no label is present)
 */
public record Prediction(String id, TaskKind task, List<ClassProbability> classes, float value,
    List<ClassProbability> labels) {

  /** Copies the lists. */
  public Prediction {
    classes = List.copyOf(classes);
    labels = List.copyOf(labels);
  }

  /** A classifier's answer: every class, most probable first. */
  public static Prediction ofClasses(String id, List<ClassProbability> classes) {
    return new Prediction(id, TaskKind.CLASSIFICATION, classes, Float.NaN, List.of());
  }

  /** A regressor's answer. */
  public static Prediction ofValue(String id, float value) {
    return new Prediction(id, TaskKind.REGRESSION, List.of(), value, List.of());
  }

  /** A multi-label answer: every label's probability, and those over their threshold. */
  public static Prediction ofLabels(String id, List<ClassProbability> all,
      List<ClassProbability> present) {
    return new Prediction(id, TaskKind.MULTILABEL, all, Float.NaN, present);
  }

  /** The most probable class (or label), or null for regression. */
  public ClassProbability top() {
    return classes.isEmpty() ? null : classes.get(0);
  }
}
