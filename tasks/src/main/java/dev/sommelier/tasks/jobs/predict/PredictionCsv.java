package dev.sommelier.tasks.jobs.predict;

import dev.sommelier.core.AtomicFiles;
import dev.sommelier.tasks.data.source.CsvMultiLabels;
import dev.sommelier.tasks.eval.ClassProbability;
import dev.sommelier.tasks.jobs.FolderTruth;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes {@code predictions.csv} atomically: for classification {@code
 * file,prediction,probability}, then {@code true,correct} when some image's class is known ({@link
 * FolderTruth}; both empty for the others), then one column per class (its probability, classes in
 * index order); for regression {@code file,value} and {@code rank} when the model has cut points.
 */
final class PredictionCsv {

  private PredictionCsv() {}

  static void write(Path file, List<String> classes, List<PredictedImage> predictions,
      boolean ranks) {
    boolean truth = predictions.stream().anyMatch(p -> p.trueClass() != null);
    List<String> header = new ArrayList<>(List.of("file"));
    if (classes.isEmpty()) {
      header.add("value");
      if (ranks) {
        header.add("rank");
      }
    } else {
      header.addAll(List.of("prediction", "probability"));
      if (truth) {
        header.addAll(List.of("true", "correct"));
      }
      header.addAll(classes);
    }
    try {
      AtomicFiles.write(file, out -> {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT)) {
          csv.printRecord(header);
          for (PredictedImage p : predictions) {
            csv.printRecord(row(p, classes.size(), ranks, truth));
          }
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static List<Object> row(PredictedImage p, int k, boolean ranks, boolean truth) {
    List<Object> row = new ArrayList<>(List.of(p.file()));
    if (p.classes() == null) {
      row.add(p.value());
      if (ranks) {
        row.add(p.rank());
      }
      return row;
    }
    if (p.labels() != null) {
      // Multi-label: the labels present; their probabilities are in the per-label columns.
      row.add(String.join(CsvMultiLabels.SEPARATOR, p.labels()));
      row.add(null);
    } else {
      row.add(p.classes().get(0).name());
      row.add(p.classes().get(0).probability());
    }
    if (truth) {
      row.add(p.trueClass());
      row.add(p.correct());
    }
    Object[] byIndex = new Object[k];
    for (ClassProbability c : p.classes()) {
      byIndex[c.index()] = c.probability();
    }
    row.addAll(List.of(byIndex));
    return row;
  }
}
