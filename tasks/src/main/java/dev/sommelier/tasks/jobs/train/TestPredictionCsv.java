package dev.sommelier.tasks.jobs.train;

import dev.sommelier.core.AtomicFiles;
import dev.sommelier.tasks.data.source.CsvMultiLabels;
import dev.sommelier.tasks.eval.ClassProbability;
import dev.sommelier.tasks.jobs.ModelOutputs;
import dev.sommelier.tasks.model.OutputKind;
import dev.sommelier.tasks.predict.Prediction;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a training run's {@code test-predictions.csv} atomically: {@code id,true,predicted}, one
 * row per evaluated sample of the part the run was evaluated on (the test part, the validation part
 * without one). For classification both are class names (the most probable class, the lower index
 * on a tie); for regression both are values; for multi-label both are label sets written {@code
 * worn|leaking} (the predicted ones at or over their thresholds). A run report plots predicted
 * against true from it.
 */
final class TestPredictionCsv {

  /** The file's name in a training run's output folder. */
  static final String FILE = "test-predictions.csv";

  private TestPredictionCsv() {}

  /** Writes the rows of {@code outputs}, decoded as {@code output} says, to {@code file}. */
  static void write(Path file, ModelOutputs outputs, OutputKind output) {
    int k = output.width();
    try {
      AtomicFiles.write(file, out -> {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT)) {
          csv.printRecord("id", "true", "predicted");
          for (int i = 0; i < outputs.ids().size(); i++) {
            String id = outputs.ids().get(i);
            Prediction p = output.decode(id,
                Arrays.copyOfRange(outputs.outputs(), i * k, (i + 1) * k));
            switch (p.task()) {
              case CLASSIFICATION ->
                  csv.printRecord(id, names(output, List.of(outputs.classes()[i])), p.top().name());
              case REGRESSION -> csv.printRecord(id, outputs.values()[i], p.value());
              case MULTILABEL -> csv.printRecord(id, names(output, outputs.labels().get(i)),
                  String.join(CsvMultiLabels.SEPARATOR,
                      p.labels().stream().sorted(Comparator.comparingInt(ClassProbability::index))
                          .map(ClassProbability::name).toList()));
            }
          }
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static String names(OutputKind output, List<Integer> indices) {
    List<String> names = output.names();
    return String.join(CsvMultiLabels.SEPARATOR, indices.stream().map(names::get).toList());
  }
}
