package dev.sommelier.tasks.predict;

import dev.sommelier.tasks.eval.ClassProbability;
import java.util.List;

/**
 * What a model says about one image.
 *
 * @param id the image's name or path
 * @param classes every class with its probability, most probable first (empty for regression)
 * @param value the predicted value (regression), NaN for classification
 */
public record Prediction(String id, List<ClassProbability> classes, float value) {

  /** The most probable class, or null for regression. */
  public ClassProbability top() {
    return classes.isEmpty() ? null : classes.get(0);
  }
}
