package dev.sommelier.tools.report;

import dev.sommelier.tasks.train.EpochResult;
import dev.sommelier.tools.compare.ComparedRun;
import dev.sommelier.tools.compare.ComparisonResult;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The comparison's plots: every run's training curves on one figure, and the headline number
 * against training time and against forward FLOPs, one point per run.
 */
final class ComparisonCharts {

  private static final int WIDTH = 560;
  private static final int HEIGHT = 420;

  private ComparisonCharts() {}

  /** Training loss and validation metric per epoch, one line per run, two panels. */
  static Figure curves(ComparisonResult r) {
    String metric = metric(r);
    XYChart loss = lines(r.runs(), "Training loss per epoch", "Loss", EpochResult::loss);
    XYChart valid = lines(r.runs(), "Validation " + metric + " per epoch", metric,
        EpochResult::valMetric);
    return new Figure("compare-curves.png", "Training curves", "Each run's training loss (left)"
        + " and validation " + metric + " (right) per epoch.", sideBySide(loss, valid));
  }

  /** The headline number against training seconds and against MFLOPs per image. */
  static Figure cost(ComparisonResult r) {
    String metric = metric(r);
    XYChart time = scatter(r.runs(), metric + " against training time", "Training time (s)",
        metric, ComparedRun::trainingSeconds);
    XYChart flops = scatter(r.runs(), metric + " against forward FLOPs", "MFLOPs per image",
        metric, c -> c.flopsPerImage() / 1e6);
    return new Figure("compare-cost.png", "What each run costs", "Test " + metric + " of each"
        + " run against its training time (left; epochs only) and its forward FLOPs per image"
        + " (right).", sideBySide(time, flops));
  }

  private static String metric(ComparisonResult r) {
    return r.classification() ? "Accuracy" : "MAE";
  }

  private static XYChart lines(List<ComparedRun> runs, String title, String y,
      ToDoubleFunction<EpochResult> value) {
    XYChart chart = chart(title, "Epoch", y);
    chart.getStyler().setXAxisDecimalPattern("#");
    for (ComparedRun c : runs) {
      double[] x = c.epochs().stream().mapToDouble(EpochResult::epoch).toArray();
      double[] v = c.epochs().stream().mapToDouble(value).toArray();
      XYSeries s = chart.addSeries(c.name(), x, v);
      s.setMarker(SeriesMarkers.CIRCLE);
    }
    return chart;
  }

  private static XYChart scatter(List<ComparedRun> runs, String title, String x, String y,
      ToDoubleFunction<ComparedRun> cost) {
    XYChart chart = chart(title, x, y);
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(11);
    for (ComparedRun c : runs) {
      chart.addSeries(c.name(), new double[] {cost.applyAsDouble(c)},
          new double[] {c.headline()});
    }
    return chart;
  }

  private static XYChart chart(String title, String x, String y) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x)
        .yAxisTitle(y).build();
    ChartPng.style(chart.getStyler());
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    return chart;
  }

  private static byte[] sideBySide(XYChart left, XYChart right) {
    BufferedImage image = new BufferedImage(2 * WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.drawImage(ChartPng.image(left), 0, 0, null);
      g.drawImage(ChartPng.image(right), WIDTH, 0, null);
    } finally {
      g.dispose();
    }
    return ChartPng.png(image);
  }
}
