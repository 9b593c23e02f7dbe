package dev.sommelier.tools.report;

import dev.sommelier.core.AtomicFiles;
import dev.sommelier.tasks.data.source.DataSource;
import dev.sommelier.tasks.eval.ClassificationEvaluation;
import dev.sommelier.tasks.eval.RankEvaluation;
import dev.sommelier.tasks.eval.RankScale;
import dev.sommelier.tasks.eval.RegressionEvaluation;
import dev.sommelier.tasks.jobs.DataSummary;
import dev.sommelier.tasks.jobs.EvaluationReport;
import dev.sommelier.tasks.jobs.JobJson;
import dev.sommelier.tasks.jobs.train.TrainResult;
import dev.sommelier.tasks.jobs.train.TrainSettings;
import dev.sommelier.tasks.model.TaskKind;
import dev.sommelier.tasks.train.EpochResult;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Training run folders as {@code sommelier train} leaves them, written from the real result
 * records and evaluators without training anything (tests only).
 */
public final class ReportFixtures {

  /** The classification run's classes; the last needs escaping in HTML. */
  public static final List<String> CLASSES = List.of("circle", "square", "star & moon");
  /**
   * The classification run's unreadable images: the first left out at run time from the test
   * part, the second at the check before the split.
   */
  public static final List<String> SKIPPED = List.of("square/broken_1.png", "circle/empty.jpg");

  private ReportFixtures() {}

  /**
   * A classification run of 3 epochs (weights of epoch 2) tested on 6 images of 3 classes: 31
   * files, one left out at the check, 10 images a class used, split 17:6:7 (one test image of
   * the 7 unreadable at run time).
   */
  public static TrainResult classificationRun(Path dir) throws IOException {
    TrainSettings settings = TrainSettings.builder(DataSource.folder(dir.resolve("data")), dir)
        .backbone("simple_cnn:blocks=2,width=4").inputSize(32).epochs(3).batchSize(8).build();
    EvaluationReport evaluation = new EvaluationReport("test", TaskKind.CLASSIFICATION, 6,
        ClassificationEvaluation.evaluate(new int[] {0, 0, 1, 1, 2, 2}, new float[][] {
            {0.7f, 0.2f, 0.1f}, {0.3f, 0.6f, 0.1f}, {0.1f, 0.8f, 0.1f}, {0.2f, 0.5f, 0.3f},
            {0.1f, 0.1f, 0.8f}, {0.5f, 0.1f, 0.4f}}, CLASSES, 5),
        null, null, List.of(SKIPPED.get(0)));
    Map<String, Map<String, Integer>> parts = new LinkedHashMap<>();
    parts.put("train", perClass(6, 5, 6));
    parts.put("validation", perClass(2, 2, 2));
    parts.put("test", perClass(2, 3, 2));
    return write(dir, settings, new DataSummary(31, 30, 1, "9f".repeat(32), counts(CLASSES, 10),
        perClass(1, 0, 0), parts), evaluation, SKIPPED, new int[] {17, 6, 7});
  }

  /**
   * A regression run on ranks 1 to 3 of 3 epochs (weights of epoch 2) tested on 6 images, with
   * its {@code test-predictions.csv}.
   */
  public static TrainResult regressionRun(Path dir) throws IOException {
    TrainSettings settings = TrainSettings.builder(DataSource.csvValues(dir.resolve("v.csv")), dir)
        .task(TaskKind.REGRESSION).backbone("simple_cnn:blocks=2,width=4").inputSize(32)
        .epochs(3).build();
    float[] truth = {1, 1, 2, 2, 3, 3};
    float[] predicted = {1.25f, 0.75f, 2.5f, 1.75f, 2.5f, 3.25f};
    EvaluationReport evaluation = new EvaluationReport("test", TaskKind.REGRESSION, 6, null,
        RegressionEvaluation.evaluate(truth, predicted),
        RankEvaluation.evaluate(new RankScale(1, 3), new float[] {1, 2, 3},
            new float[] {1.1f, 2.2f, 2.7f}, truth, predicted),
        List.of());
    StringBuilder csv = new StringBuilder("id,true,predicted\n");
    for (int i = 0; i < truth.length; i++) {
      csv.append(i).append(".png,").append(truth[i]).append(',').append(predicted[i])
          .append('\n');
    }
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(RunFolder.PREDICTIONS_CSV), csv, StandardCharsets.UTF_8);
    return write(dir, settings, new DataSummary(30, 30, 0, "5e".repeat(32),
        counts(List.of("1", "2", "3"), 10), counts(List.of("1", "2", "3"), 0), Map.of()),
        evaluation, List.of(), new int[] {18, 6, 6});
  }

  /** Writes {@code pages} contact-sheet pages, {@code explain/contact-sheet-1.png} and on. */
  public static List<Path> contactSheets(Path dir, int pages) throws IOException {
    List<Path> files = new ArrayList<>();
    for (int page = 1; page <= pages; page++) {
      BufferedImage image = new BufferedImage(40, 20 + page, BufferedImage.TYPE_INT_RGB);
      image.setRGB(0, 0, new Color(page, 0, 0).getRGB());
      Path file = dir.resolve(RunFolder.EXPLAIN).resolve("contact-sheet-" + page + ".png");
      AtomicFiles.writePng(file, image);
      files.add(file);
    }
    return files;
  }

  private static TrainResult write(Path dir, TrainSettings settings, DataSummary data,
      EvaluationReport evaluation, List<String> skipped, int[] split) {
    boolean classes = evaluation.task() == TaskKind.CLASSIFICATION;
    List<EpochResult> epochs = List.of(
        new EpochResult(1, 0, 0.001f, 1.10, classes ? 0.40 : 0.90, 1.05, classes ? 0.45 : 0.85,
            0.50, 120.0),
        new EpochResult(2, 0, 0.001f, 0.80, classes ? 0.60 : 0.60, 0.75, classes ? 0.65 : 0.55,
            0.25, 240.0),
        new EpochResult(3, 0, 0.001f, 0.70, classes ? 0.70 : 0.50, 0.80, classes ? 0.60 : 0.58,
            0.25, 240.0));
    Map<String, Integer> parts = new LinkedHashMap<>();
    parts.put("train", split[0]);
    parts.put("validation", split[1]);
    parts.put("test", split[2]);
    TrainResult result = new TrainResult(dir, dir.resolve("model"), dir.resolve("report.json"),
        dir.resolve("epochs.csv"), settings.describe(), data, parts, epochs, 2, evaluation,
        skipped, 200.0, 3.5);
    JobJson.write(result.report(), result);
    return result;
  }

  private static Map<String, Integer> perClass(int... n) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (int c = 0; c < n.length; c++) {
      counts.put(CLASSES.get(c), n[c]);
    }
    return counts;
  }

  private static Map<String, Integer> counts(List<String> names, int each) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    names.forEach(n -> counts.put(n, each));
    return counts;
  }
}
