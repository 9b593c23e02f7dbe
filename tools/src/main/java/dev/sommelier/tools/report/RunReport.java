package dev.sommelier.tools.report;

import dev.sommelier.core.AtomicFiles;
import dev.sommelier.tasks.jobs.EvaluationReport;
import dev.sommelier.tasks.jobs.train.AugmentedSamples;
import dev.sommelier.tasks.jobs.train.TrainResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report of a training run: reads the folder {@code sommelier train --out DIR} wrote and
 * writes {@code DIR/report/index.html}, one self-contained page (inline CSS, images embedded),
 * with its plots beside it as PNGs: {@code training-curves.png}, then {@code confusion-matrix.png}
 * for classification, {@code precision-recall.png} for labels, or {@code predicted-vs-true.png}
 * and, for ranks, {@code rank-errors.png} for regression. The picture of augmented training images ({@code DIR/augmented-samples.png}) and
 * Grad-CAM contact sheets in {@code DIR/explain} are shown too. Every file is written
 * atomically; writing again replaces them.
 *
 * <pre>{@code
 * Path page = RunReport.write(Path.of("runs/shapes")).index();
 * }</pre>
 */
public final class RunReport {

  /** The report's folder inside a run folder. */
  public static final String FOLDER = "report";
  /** The page's file name inside the report's folder. */
  public static final String INDEX = "index.html";

  private static final Logger LOG = LoggerFactory.getLogger(RunReport.class);

  private RunReport() {}

  /**
   * Writes the report of the run in {@code runDir}.
   *
   * @return the files written and shown
   * @throws IllegalArgumentException when {@code runDir} holds no finished run ({@code
   *     report.json} missing or not a training report)
   * @throws IOException when the run cannot be read or the report cannot be written
   */
  public static ReportFiles write(Path runDir) throws IOException {
    RunFolder run = RunFolder.read(runDir);
    List<Figure> plots = plots(run);
    Figure augmented = run.augmentedSamples() == null ? null : new Figure(
        AugmentedSamples.FILE, "Augmented training images", "Each row: a training image as"
            + " loaded, then as the first epochs fed it to the model (" + AugmentedSamples.FILE
            + ").", Files.readAllBytes(run.augmentedSamples()));
    List<Figure> sheets = new ArrayList<>();
    for (int i = 0; i < run.contactSheets().size(); i++) {
      Path sheet = run.contactSheets().get(i);
      sheets.add(new Figure(sheet.getFileName().toString(), "Grad-CAM contact sheet",
          "Grad-CAM contact sheet, page " + (i + 1) + " of " + run.contactSheets().size()
              + " (" + RunFolder.EXPLAIN + "/" + sheet.getFileName() + ").",
          Files.readAllBytes(sheet)));
    }
    Path dir = runDir.resolve(FOLDER);
    List<Path> written = new ArrayList<>();
    for (Figure f : plots) {
      Path file = dir.resolve(f.file());
      AtomicFiles.write(file, out -> out.write(f.png()));
      written.add(file);
    }
    Path index = dir.resolve(INDEX);
    byte[] html = ReportPage.html(run, plots, augmented, sheets).getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(index, out -> out.write(html));
    LOG.info("report of {} written to {}", runDir, index);
    return new ReportFiles(index, written, run.augmentedSamples(), run.contactSheets());
  }

  private static List<Figure> plots(RunFolder run) {
    TrainResult r = run.result();
    EvaluationReport e = r.evaluation();
    List<Figure> plots = new ArrayList<>();
    String metric = run.metricName();
    plots.add(TrainingCurves.figure(r.epochs(),
        metric.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + metric.substring(1),
        r.bestEpoch()));
    if (run.labels()) {
      plots.add(PrecisionRecallChart.figure(e.labels(), e.part()));
      return plots;
    }
    if (run.classification()) {
      plots.add(ConfusionMatrixChart.figure(e.classification().confusionMatrix(), e.part(),
          e.samples()));
    } else if (run.predictions() == null) {
      LOG.warn("{} has no {}: predicted values are not plotted", run.dir(),
          RunFolder.PREDICTIONS_CSV);
    } else {
      plots.add(PredictedVsTrueChart.figure(run.predictions(), e.part()));
      if (e.ranks() != null) {
        plots.add(RankErrorsChart.figure(run.predictions(), e.ranks().testErrors(), e.part()));
      }
    }
    return plots;
  }
}
