package dev.sommelier.tasks.jobs.predict;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sommelier.tasks.eval.ClassProbability;
import dev.sommelier.tasks.eval.RankThresholds;
import dev.sommelier.tasks.jobs.FolderTruth;
import dev.sommelier.tasks.model.TaskKind;
import dev.sommelier.tasks.predict.Prediction;
import java.util.List;

/**
 * One image's answer in a {@link PredictResult}.
 *
 * @param file the image file
 * @param classes every class with its probability, most probable first; null for regression
 * @param value the predicted value; null for classification
 * @param rank the value as a rank, by the cut points tuned when the model was trained; null
 *     without them
 * @param trueClass the image's known class ({@link FolderTruth}); null when not known
 * @param correct whether the most probable class is {@code trueClass}; null when not known
 * @param labels a multi-label model's labels at or over their thresholds, most probable first
 *     ({@code classes} then holds every label's probability); null for other models
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PredictedImage(String file, List<ClassProbability> classes, Float value,
    Integer rank, String trueClass, Boolean correct, List<String> labels) {

  /** The answer of a classifier or a regressor. */
  public PredictedImage(String file, List<ClassProbability> classes, Float value, Integer rank,
      String trueClass, Boolean correct) {
    this(file, classes, value, rank, trueClass, correct, null);
  }

  /**
   * The answer of a {@link Prediction}, ranked by {@code thresholds} (or null) for a value, marked
   * right or wrong against {@code trueClass} (or null).
   */
  static PredictedImage of(Prediction p, RankThresholds thresholds, String trueClass) {
    if (p.task() == TaskKind.MULTILABEL) {
      return new PredictedImage(p.id(), p.classes(), null, null, null, null,
          p.labels().stream().map(ClassProbability::name).toList());
    }
    if (!p.classes().isEmpty()) {
      return new PredictedImage(p.id(), p.classes(), null, null, trueClass,
          FolderTruth.correct(trueClass, p.classes().get(0).name()));
    }
    return new PredictedImage(p.id(), null, p.value(),
        thresholds == null ? null : thresholds.rank(p.value()), null, null);
  }
}
