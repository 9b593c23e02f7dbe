package dev.sommelier.tools.report;

import dev.sommelier.tasks.train.EpochResult;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.DoubleStream;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Two panels side by side: loss per epoch and the task's metric (accuracy or MAE) per epoch, each
 * for training and validation data, with a dashed line at the epoch whose weights were kept.
 */
final class TrainingCurves {

  static final String FILE = "training-curves.png";
  static final int PANEL_WIDTH = 560;
  static final int HEIGHT = 400;

  private TrainingCurves() {}

  /**
   * The figure of {@code epochs}.
   *
   * @param metric the metric's name: {@code Accuracy} or {@code MAE}
   * @param bestEpoch the epoch whose weights were kept
   */
  static Figure figure(List<EpochResult> epochs, String metric, int bestEpoch) {
    XYChart loss = panel(epochs, "Loss", EpochResult::loss, EpochResult::valLoss, bestEpoch);
    XYChart score = panel(epochs, metric, EpochResult::metric, EpochResult::valMetric, bestEpoch);
    BufferedImage image = new BufferedImage(2 * PANEL_WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.drawImage(ChartPng.image(loss), 0, 0, null);
      g.drawImage(ChartPng.image(score), PANEL_WIDTH, 0, null);
    } finally {
      g.dispose();
    }
    return new Figure(FILE, "Training curves", "Loss and " + metric
        + " per epoch on the training and validation data; the dashed line marks epoch "
        + bestEpoch + ", whose weights were kept.", ChartPng.png(image));
  }

  private static XYChart panel(List<EpochResult> epochs, String name,
      ToDoubleFunction<EpochResult> train, ToDoubleFunction<EpochResult> validation, int best) {
    XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(HEIGHT)
        .title(name + " per epoch").xAxisTitle("Epoch").yAxisTitle(name).build();
    XYStyler styler = chart.getStyler();
    ChartPng.style(styler);
    styler.setLegendPosition(Styler.LegendPosition.OutsideS);
    styler.setLegendLayout(Styler.LegendLayout.Horizontal);
    styler.setMarkerSize(6);
    styler.setXAxisDecimalPattern("#");
    double[] x = epochs.stream().mapToDouble(EpochResult::epoch).toArray();
    double[] training = epochs.stream().mapToDouble(train).toArray();
    double[] val = epochs.stream().mapToDouble(validation).toArray();
    addLine(chart, "training", x, training);
    if (Arrays.stream(val).anyMatch(Double::isFinite)) {
      addLine(chart, "validation", x, val);
    }
    if (DoubleStream.concat(Arrays.stream(training), Arrays.stream(val))
        .filter(Double::isFinite).distinct().count() == 1) {
      // XChart labels the one tick of a flat line with every digit of its value.
      styler.setYAxisDecimalPattern("0.####");
    }
    if (epochs.size() > 1) {
      chart.addAnnotation(new AnnotationLine(best, true, false));
    }
    return chart;
  }

  private static void addLine(XYChart chart, String name, double[] x, double[] y) {
    XYSeries series = chart.addSeries(name, x, y);
    series.setMarker(SeriesMarkers.CIRCLE);
  }
}
