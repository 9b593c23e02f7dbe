package dev.sommelier.tools.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/** The report's chart look (white, plain fonts) and its PNG encoding. */
final class ChartPng {

  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
  private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
      BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

  private ChartPng() {}

  /** Gives {@code styler} the report's look: white backgrounds, sans-serif text, dashed marks. */
  static void style(Styler styler) {
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setChartTitleFont(TITLE);
    styler.setChartTitleBoxVisible(false);
    styler.setLegendFont(TEXT);
    styler.setLegendBorderColor(Color.LIGHT_GRAY);
    styler.setAnnotationLineColor(Color.GRAY);
    styler.setAnnotationLineStroke(DASHED);
  }

  /** The chart drawn at its size. */
  static BufferedImage image(Chart<?, ?> chart) {
    return BitmapEncoder.getBufferedImage(chart);
  }

  /** The chart as PNG bytes. */
  static byte[] png(Chart<?, ?> chart) {
    return png(image(chart));
  }

  /** The image as PNG bytes. */
  static byte[] png(RenderedImage image) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, "png", bytes)) {
        throw new IllegalStateException("this Java has no PNG writer");
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode a PNG in memory", e);
    }
    return bytes.toByteArray();
  }
}
