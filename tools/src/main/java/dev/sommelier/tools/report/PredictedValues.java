package dev.sommelier.tools.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The true and predicted values of a regression run's evaluated samples, as {@code
 * test-predictions.csv} ({@code id,true,predicted}) holds them.
 *
 * @param truth true value per sample
 * @param predicted predicted value per sample
 */
record PredictedValues(double[] truth, double[] predicted) {

  /** Checks that both arrays have one value per sample. */
  PredictedValues {
    if (truth.length != predicted.length) {
      throw new IllegalArgumentException(
          truth.length + " true values for " + predicted.length + " predictions");
    }
  }

  /**
   * Reads {@code csv}.
   *
   * @throws IllegalArgumentException naming the file and line of a value that is not a number
   */
  static PredictedValues read(Path csv) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(r, format)) {
      List<CSVRecord> rows = parser.getRecords();
      double[] truth = new double[rows.size()];
      double[] predicted = new double[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        truth[i] = number(csv, rows.get(i), "true", i + 2);
        predicted[i] = number(csv, rows.get(i), "predicted", i + 2);
      }
      return new PredictedValues(truth, predicted);
    }
  }

  /** How many samples. */
  int size() {
    return truth.length;
  }

  /** The errors {@code predicted - true} of the samples whose true value rounds to {@code rank}. */
  double[] errorsOfRank(long rank) {
    double[] errors = new double[truth.length];
    int n = 0;
    for (int i = 0; i < truth.length; i++) {
      if (Math.round(truth[i]) == rank) {
        errors[n++] = predicted[i] - truth[i];
      }
    }
    return Arrays.copyOf(errors, n);
  }

  private static double number(Path csv, CSVRecord row, String column, int line) {
    String text = row.isMapped(column) && row.isSet(column) ? row.get(column) : "";
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(csv.toAbsolutePath() + " line " + line + ": the "
          + column + " value '" + text + "' is not a number", e);
    }
  }
}
