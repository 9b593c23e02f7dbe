package dev.sommelier.tools.report;

import java.awt.Color;
import java.util.DoubleSummaryStatistics;
import java.util.stream.DoubleStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** A scatter of each evaluated sample's predicted value against its true value, over y = x. */
final class PredictedVsTrueChart {

  static final String FILE = "predicted-vs-true.png";
  private static final int SIZE = 560;

  private PredictedVsTrueChart() {}

  /** The figure of {@code values}, evaluated on {@code part}. */
  static Figure figure(PredictedValues values, String part) {
    XYChart chart = new XYChartBuilder().width(SIZE).height(SIZE)
        .title("Predicted vs true (" + part + ", " + values.size() + " images)")
        .xAxisTitle("True value").yAxisTitle("Predicted value").build();
    ChartPng.style(chart.getStyler());
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW).setMarkerSize(7);
    DoubleSummaryStatistics range = DoubleStream.concat(DoubleStream.of(values.truth()),
        DoubleStream.of(values.predicted())).summaryStatistics();
    double[] diagonal = {range.getMin(), range.getMax()};
    XYSeries ideal = chart.addSeries("predicted = true", diagonal, diagonal);
    ideal.setMarker(SeriesMarkers.NONE).setLineColor(Color.GRAY);
    XYSeries samples = chart.addSeries("images", values.truth(), values.predicted());
    samples.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter)
        .setMarker(SeriesMarkers.CIRCLE).setMarkerColor(new Color(0x2171B5));
    return new Figure(FILE, "Predicted vs true", "One point per " + part + " image; points on the"
        + " grey line are exact, points above it overestimated.", ChartPng.png(chart));
  }
}
