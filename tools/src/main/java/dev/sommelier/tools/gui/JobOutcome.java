package dev.sommelier.tools.gui;

import dev.sommelier.tasks.job.PredictResult;
import dev.sommelier.tasks.job.TrainResult;
import java.util.List;

/** What a finished job hands the window. */
sealed interface JobOutcome {

  /**
   * A training run with its report files and the report's images, read off the EDT.
   *
   * @param result the run's numbers
   * @param report what {@code OUT/report/} holds
   * @param images the report's PNGs, decoded
   */
  record Trained(TrainResult result, ReportFiles report, List<ReportFiles.Image> images)
      implements JobOutcome {

    /** Copies the list. */
    public Trained {
      images = List.copyOf(images);
    }
  }

  /** A prediction run. */
  record Predicted(PredictResult result) implements JobOutcome {}
}
