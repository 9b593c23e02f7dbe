package dev.sommelier.tools.gui;

import dev.sommelier.tasks.jobs.predict.PredictResult;
import dev.sommelier.tasks.jobs.train.TrainResult;
import dev.sommelier.tools.compare.ComparisonResult;
import dev.sommelier.tools.report.ReportFiles;
import java.nio.file.Path;
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

  /**
   * A finished comparison.
   *
   * @param result its runs, numbers and tests
   * @param page its page, {@code OUT/compare/index.html}
   */
  record Compared(ComparisonResult result, Path page) implements JobOutcome {}

  /** A comparison stopped between runs, with what the user should know. */
  record Stopped(String message) implements JobOutcome {}
}
