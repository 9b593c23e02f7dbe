package dev.sommelier.tools.report;

import dev.sommelier.tasks.eval.LabelMetrics;
import dev.sommelier.tasks.eval.MultiLabelReport;
import java.awt.Color;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A multi-label run's precision-recall curve of each label (the points of its {@link
 * LabelMetrics#curve}, from recall 0 at precision 1), its average precision in the legend, and
 * each label's decision threshold as a marked point.
 */
final class PrecisionRecallChart {

  static final String FILE = "precision-recall.png";
  private static final int SIZE = 560;

  private PrecisionRecallChart() {}

  /** The figure of {@code report}, evaluated on {@code part}. */
  static Figure figure(MultiLabelReport report, String part) {
    XYChart chart = new XYChartBuilder().width(SIZE).height(SIZE)
        .title("Precision-recall per label (" + part + ", " + report.samples() + " images)")
        .xAxisTitle("Recall").yAxisTitle("Precision").build();
    ChartPng.style(chart.getStyler());
    chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.05)
        .setMarkerSize(9).setLegendPosition(Styler.LegendPosition.InsideSW);
    Color[] colors = chart.getStyler().getSeriesColors();
    int drawn = 0;
    for (LabelMetrics l : report.labels()) {
      List<LabelMetrics.CurvePoint> curve = l.curve();
      if (curve.isEmpty() || l.support() == 0) {
        continue;
      }
      double[] recall = new double[curve.size() + 1];
      double[] precision = new double[curve.size() + 1];
      precision[0] = 1;
      for (int i = 0; i < curve.size(); i++) {
        recall[i + 1] = curve.get(i).recall();
        precision[i + 1] = curve.get(i).precision();
      }
      XYSeries line = chart.addSeries(String.format(Locale.ROOT, "%s (AP %.3f)", l.name(),
          l.averagePrecision()), recall, precision);
      Color color = colors[drawn++ % colors.length];
      line.setMarker(SeriesMarkers.NONE).setLineColor(color);
      XYSeries decision = chart.addSeries(l.name() + " at " + Format.decimal(l.threshold()),
          new double[] {l.recall()}, new double[] {l.precision()});
      decision.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter)
          .setMarker(SeriesMarkers.CIRCLE).setMarkerColor(color)
          .setShowInLegend(false);
    }
    return new Figure(FILE, "Precision-recall per label", "Each label's precision against its"
        + " recall as its threshold falls from 1 to 0 on the " + part + " images; the dot is its"
        + " decision threshold, AP its average precision.", ChartPng.png(chart));
  }
}
