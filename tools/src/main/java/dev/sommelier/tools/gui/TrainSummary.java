package dev.sommelier.tools.gui;

import dev.sommelier.tasks.eval.ClassificationReport;
import dev.sommelier.tasks.eval.RegressionReport;
import dev.sommelier.tasks.jobs.DataSummary;
import dev.sommelier.tasks.jobs.EvaluationReport;
import dev.sommelier.tasks.jobs.train.TrainResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The headline numbers of a training run, as label and value rows for the result panel. */
final class TrainSummary {

  /** One labelled number. */
  record Row(String label, String value) {}

  private TrainSummary() {}

  /**
   * Accuracy (or MAE and R²) on the evaluated part, the images used and files left out, epochs,
   * speed, time and model folder.
   */
  static List<Row> of(TrainResult r) {
    List<Row> rows = new ArrayList<>();
    EvaluationReport e = r.evaluation();
    String on = " on " + e.samples() + " " + e.part() + " images";
    ClassificationReport c = e.classification();
    RegressionReport g = e.regression();
    if (c != null) {
      rows.add(new Row("Accuracy", String.format(Locale.ROOT, "%.1f%%", 100 * c.accuracy()) + on));
    } else {
      rows.add(new Row("Mean absolute error", String.format(Locale.ROOT, "%.4f", g.mae()) + on));
      rows.add(new Row("R²", String.format(Locale.ROOT, "%.3f", g.r2())));
    }
    DataSummary d = r.data();
    rows.add(new Row("Data", d.samples() + " images used of " + (d.samples() + d.skipped())
        + " files" + (d.skipped() == 0 ? "" : ", " + d.skipped() + " unreadable left out")));
    rows.add(new Row("Epochs", r.epochs().size() + ", weights of epoch " + r.bestEpoch()));
    rows.add(new Row("Training speed",
        String.format(Locale.ROOT, "%.1f images/s", r.trainImagesPerSecond())));
    rows.add(new Row("Time", r.seconds() < 60
        ? String.format(Locale.ROOT, "%.1f s", r.seconds())
        : TrainingProgress.duration(r.seconds())));
    rows.add(new Row("Model", r.model().toString()));
    return rows;
  }
}
