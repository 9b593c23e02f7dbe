package dev.sommelier.tools.gui;

import dev.sommelier.tasks.eval.ClassProbability;
import dev.sommelier.tasks.jobs.predict.PredictResult;
import dev.sommelier.tasks.jobs.predict.PredictedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.swing.table.AbstractTableModel;

/**
 * A prediction run as a table: image, top class and its probability for a classifier; image,
 * value and rank for a regressor.
 */
final class PredictionTableModel extends AbstractTableModel {

  private final List<PredictedImage> rows;
  private final boolean classes;
  private final boolean labels;

  /** The table of {@code result}'s decoded images, in input order. */
  PredictionTableModel(PredictResult result) {
    this.rows = result.predictions();
    this.classes = !result.classes().isEmpty();
    this.labels = rows.stream().anyMatch(p -> p.labels() != null);
  }

  @Override
  public int getRowCount() {
    return rows.size();
  }

  @Override
  public int getColumnCount() {
    return 3;
  }

  @Override
  public String getColumnName(int column) {
    return switch (column) {
      case 0 -> "Image";
      case 1 -> labels ? "Labels" : classes ? "Top class" : "Value";
      default -> labels ? "Probabilities" : classes ? "Probability" : "Rank";
    };
  }

  @Override
  public String getValueAt(int row, int column) {
    PredictedImage p = rows.get(row);
    if (column == 0) {
      return Path.of(p.file()).getFileName().toString();
    }
    if (labels) {
      return column == 1 ? String.join(", ", p.labels()) : p.classes().stream()
          .map(c -> String.format(Locale.ROOT, "%s %.3f", c.name(), c.probability()))
          .collect(Collectors.joining(", "));
    }
    if (classes) {
      ClassProbability top = p.classes().get(0);
      return column == 1 ? top.name() : String.format(Locale.ROOT, "%.3f", top.probability());
    }
    if (column == 1) {
      return String.format(Locale.ROOT, "%.4f", p.value());
    }
    return p.rank() == null ? "" : p.rank().toString();
  }
}
