package dev.sommelier.tasks.jobs.predict;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sommelier.tasks.eval.ClassProbability;
import dev.sommelier.tasks.eval.RankThresholds;
import dev.sommelier.tasks.jobs.FolderTruth;
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
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PredictedImage(String file, List<ClassProbability> classes, Float value,
    Integer rank, String trueClass, Boolean correct) {

  /**
   * The answer of a {@link Prediction}, ranked by {@code thresholds} (or null) for a value, marked
   * right or wrong against {@code trueClass} (or null).
   */
  static PredictedImage of(Prediction p, RankThresholds thresholds, String trueClass) {
    if (!p.classes().isEmpty()) {
      return new PredictedImage(p.id(), p.classes(), null, null, trueClass,
          FolderTruth.correct(trueClass, p.classes().get(0).name()));
    }
    return new PredictedImage(p.id(), null, p.value(),
        thresholds == null ? null : thresholds.rank(p.value()), null, null);
  }
}
