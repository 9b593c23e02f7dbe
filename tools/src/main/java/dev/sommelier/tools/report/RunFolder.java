package dev.sommelier.tools.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sommelier.tasks.data.NaturalOrder;
import dev.sommelier.tasks.jobs.EvaluationReport;
import dev.sommelier.tasks.jobs.train.AugmentedSamples;
import dev.sommelier.tasks.jobs.train.TrainResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a training run's folder holds for a report: the run's {@code report.json}, the evaluated
 * samples' values from {@code test-predictions.csv} (regression runs), the picture of augmented
 * training images ({@code augmented-samples.png}, runs with augmentation), and the Grad-CAM contact
 * sheets that {@code sommelier explain --out DIR/explain} wrote.
 *
 * @param dir the run folder
 * @param result the content of {@code report.json}
 * @param predictions true and predicted values of the evaluated samples; null for classification
 *     or when the run has no {@code test-predictions.csv}, or an empty one
 * @param augmentedSamples {@code augmented-samples.png}, or null when the run has none
 * @param contactSheets {@code explain/contact-sheet.png} or its numbered pages in page order; empty
 *     when there are none
 */
record RunFolder(Path dir, TrainResult result, PredictedValues predictions,
    Path augmentedSamples, List<Path> contactSheets) {

  static final String REPORT_JSON = "report.json";
  static final String PREDICTIONS_CSV = "test-predictions.csv";
  static final String EXPLAIN = "explain";

  private static final Pattern CONTACT_SHEET = Pattern.compile("contact-sheet(-\\d+)?\\.png");
  private static final ObjectMapper JSON = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** Copies the list. */
  RunFolder {
    contactSheets = List.copyOf(contactSheets);
  }

  /**
   * Reads the run folder {@code dir}.
   *
   * @throws IllegalArgumentException when {@code dir} has no readable {@code report.json}
   * @throws IOException when a file cannot be read
   */
  static RunFolder read(Path dir) throws IOException {
    Path json = dir.resolve(REPORT_JSON);
    if (!Files.isRegularFile(json)) {
      throw new IllegalArgumentException("no " + REPORT_JSON + " in " + dir.toAbsolutePath()
          + ": give the folder of a finished run of 'sommelier train --out DIR'");
    }
    TrainResult result;
    try {
      result = JSON.readValue(json.toFile(), TrainResult.class);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(json.toAbsolutePath()
          + " is not a training run's report: " + e.getOriginalMessage(), e);
    }
    EvaluationReport e = result.evaluation();
    if (result.settings() == null || result.data() == null || result.split() == null
        || result.epochs().isEmpty() || e == null
        || (e.classification() != null ? 1 : 0) + (e.regression() != null ? 1 : 0)
            + (e.labels() != null ? 1 : 0) != 1) {
      throw new IllegalArgumentException(json.toAbsolutePath() + " is not a training run's"
          + " report: it lacks settings, data, split, epochs or a classification, regression or"
          + " multi-label evaluation");
    }
    Path csv = dir.resolve(PREDICTIONS_CSV);
    PredictedValues predictions = null;
    if (e.regression() != null && Files.isRegularFile(csv)) {
      PredictedValues read = PredictedValues.read(csv);
      predictions = read.size() > 0 ? read : null;
    }
    Path augmented = dir.resolve(AugmentedSamples.FILE);
    return new RunFolder(dir, result, predictions,
        Files.isRegularFile(augmented) ? augmented : null, contactSheets(dir.resolve(EXPLAIN)));
  }

  /** Whether the run is a classification. */
  boolean classification() {
    return result.evaluation().classification() != null;
  }

  /** Whether the run is a multi-label classification. */
  boolean labels() {
    return result.evaluation().labels() != null;
  }

  /** The training metric's name: accuracy, micro F1 or MAE. */
  String metricName() {
    return classification() ? "accuracy" : labels() ? "micro F1" : "MAE";
  }

  private static List<Path> contactSheets(Path explain) throws IOException {
    if (!Files.isDirectory(explain)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(explain)) {
      return files.filter(f -> CONTACT_SHEET.matcher(f.getFileName().toString()).matches())
          .sorted((a, b) -> NaturalOrder.INSTANCE.compare(a.getFileName().toString(),
              b.getFileName().toString()))
          .toList();
    }
  }
}
