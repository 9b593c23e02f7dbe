package dev.sommelier.tools.gui;

import dev.sommelier.tasks.jobs.predict.PredictResult;
import dev.sommelier.tasks.jobs.train.TrainResult;
import dev.sommelier.tools.report.ReportFiles;
import java.util.List;

/** What a finished job hands the window. */
sealed interface JobOutcome {

  /**
   * A training run with its report files and the report's images, read off the EDT.
   *
   * @param result the run's numbers
   * @param report what the run's report wrote in {@code OUT/report/}
   * @param images the report's plots, decoded
   */
  record Trained(TrainResult result, ReportFiles report, List<ReportImages.Image> images)
      implements JobOutcome {

    /** Copies the list. */
    public Trained {
      images = List.copyOf(images);
    }
  }

  /** A prediction run. */
  record Predicted(PredictResult result) implements JobOutcome {}
}
