package dev.sommelier.tools.compare;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sommelier.tasks.explain.pointing.PointingGame;
import java.util.List;

/**
 * One run's explanations of the comparison's explained test images.
 *
 * @param run the run's name
 * @param cells one per image, in the comparison's image order; empty when the run could not be
 *     explained
 * @param meanDeletionAuc the mean deletion AUC over its maps; NaN without maps
 * @param pointingGame its maps' peaks inside the object boxes, over the images that have boxes;
 *     null when none has
 * @param problem why the run could not be explained; null when it was
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunExplanations(String run, List<ExplainedCell> cells, double meanDeletionAuc,
    PointingGame pointingGame, String problem) {

  /** Copies the list. */
  public RunExplanations {
    cells = List.copyOf(cells);
  }
}
