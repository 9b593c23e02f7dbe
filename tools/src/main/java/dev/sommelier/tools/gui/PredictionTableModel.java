package dev.sommelier.tools.gui;

import dev.sommelier.tasks.eval.ClassProbability;
import dev.sommelier.tasks.jobs.predict.PredictResult;
import dev.sommelier.tasks.jobs.predict.PredictedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.swing.table.AbstractTableModel;

/**
 * A prediction run as a table: image, top class and its probability for a classifier; image,
 * value and rank for a regressor.
 */
final class PredictionTableModel extends AbstractTableModel {

  private final List<PredictedImage> rows;
  private final boolean classes;

  /** The table of {@code result}'s decoded images, in input order. */
  PredictionTableModel(PredictResult result) {
    this.rows = result.predictions();
    this.classes = !result.classes().isEmpty();
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
      case 1 -> classes ? "Top class" : "Value";
      default -> classes ? "Probability" : "Rank";
    };
  }

  @Override
  public String getValueAt(int row, int column) {
    PredictedImage p = rows.get(row);
    if (column == 0) {
      return Path.of(p.file()).getFileName().toString();
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
