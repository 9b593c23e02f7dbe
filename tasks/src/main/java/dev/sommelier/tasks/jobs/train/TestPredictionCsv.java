package dev.sommelier.tasks.jobs.train;

import dev.sommelier.core.AtomicFiles;
import dev.sommelier.tasks.jobs.ModelOutputs;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a training run's {@code test-predictions.csv} atomically: {@code id,true,predicted}, one
 * row per evaluated sample of the part the run was evaluated on (the test part, the validation part
 * without one). For classification both are class names (the most probable class, the lower index
 * on a tie); for regression both are values. A run report plots predicted against true from it.
 */
final class TestPredictionCsv {

  /** The file's name in a training run's output folder. */
  static final String FILE = "test-predictions.csv";

  private TestPredictionCsv() {}

  /**
   * Writes the rows of {@code outputs} to {@code file}.
   *
   * @param classNames the class names in index order; empty for regression
   */
  static void write(Path file, ModelOutputs outputs, List<String> classNames) {
    int k = Math.max(1, classNames.size());
    try {
      AtomicFiles.write(file, out -> {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT)) {
          csv.printRecord("id", "true", "predicted");
          for (int i = 0; i < outputs.ids().size(); i++) {
            if (classNames.isEmpty()) {
              csv.printRecord(outputs.ids().get(i), outputs.values()[i], outputs.outputs()[i]);
            } else {
              csv.printRecord(outputs.ids().get(i), classNames.get(outputs.classes()[i]),
                  classNames.get(argMax(outputs.outputs(), i * k, k)));
            }
          }
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static int argMax(float[] probabilities, int offset, int k) {
    int best = 0;
    for (int c = 1; c < k; c++) {
      if (probabilities[offset + c] > probabilities[offset + best]) {
        best = c;
      }
    }
    return best;
  }
}
