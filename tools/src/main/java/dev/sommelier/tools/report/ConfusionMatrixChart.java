package dev.sommelier.tools.report;

import dev.sommelier.tasks.eval.ConfusionMatrix;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.HeatMapStyler;

/**
 * The confusion matrix as a grid of cells coloured from pale grey (no sample) to blue (the largest
 * count), each with its count written in it: true classes down the side (the first at the top),
 * predicted classes along the bottom.
 */
final class ConfusionMatrixChart {

  static final String FILE = "confusion-matrix.png";
  /** Counts are written in cells at least this wide. */
  private static final int MIN_CELL_WITH_COUNT = 28;
  private static final Color[] PALE_TO_BLUE = {new Color(0xF3F6FA), new Color(0x9ECAE1),
      new Color(0x4292C6)};

  private ConfusionMatrixChart() {}

  /** The figure of {@code matrix}, evaluated on {@code samples} samples of {@code part}. */
  static Figure figure(ConfusionMatrix matrix, String part, int samples) {
    List<String> classes = matrix.classes();
    int k = classes.size();
    int cell = Math.max(16, Math.min(72, 720 / k));
    int longest = classes.stream().mapToInt(String::length).max().orElse(1);
    int labels = Math.min(240, 40 + 7 * longest);
    String title = "Confusion matrix (" + part + ", " + samples + " images)";
    int titleWidth = 11 * title.length() + 60;
    HeatMapChart chart = new HeatMapChartBuilder()
        .width(Math.max(titleWidth, labels + k * cell + 140))
        .height(labels + k * cell + 60).title(title).xAxisTitle("Predicted class").yAxisTitle("True class").build();
    HeatMapStyler styler = chart.getStyler();
    ChartPng.style(styler);
    styler.setRangeColors(PALE_TO_BLUE).setShowValue(cell >= MIN_CELL_WITH_COUNT)
        .setHeatMapValueDecimalPattern("#,##0")
        .setValueFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.min(16, cell / 3)))
        .setValueFontColor(Color.BLACK)
        .setMin(0);
    styler.setLegendVisible(false);
    styler.setPlotGridLinesVisible(false);
    if (7 * longest > cell) {
      styler.setXAxisLabelRotation(45);
    }
    List<String> bottomUp = new ArrayList<>(classes);
    Collections.reverse(bottomUp);
    List<Number[]> cells = new ArrayList<>();
    long max = 0;
    for (int t = 0; t < k; t++) {
      for (int p = 0; p < k; p++) {
        long count = matrix.count(t, p);
        cells.add(new Number[] {p, k - 1 - t, count});
        max = Math.max(max, count);
      }
    }
    styler.setMax(Math.max(1, max));
    chart.addSeries("counts", classes, bottomUp, cells);
    return new Figure(FILE, "Confusion matrix", "Rows are true classes, columns predicted ones;"
        + " each cell counts the " + part + " images of its row's class predicted as its"
        + " column's.", ChartPng.png(chart));
  }
}
