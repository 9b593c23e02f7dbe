package dev.sommelier.tasks.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sommelier.tasks.eval.ClassProbability;
import dev.sommelier.tasks.eval.RankThresholds;
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
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PredictedImage(String file, List<ClassProbability> classes, Float value,
    Integer rank) {

  /** The answer of a {@link Prediction}, ranked by {@code thresholds} (or null) for a value. */
  static PredictedImage of(Prediction p, RankThresholds thresholds) {
    if (!p.classes().isEmpty()) {
      return new PredictedImage(p.id(), p.classes(), null, null);
    }
    return new PredictedImage(p.id(), null, p.value(),
        thresholds == null ? null : thresholds.rank(p.value()));
  }
}
