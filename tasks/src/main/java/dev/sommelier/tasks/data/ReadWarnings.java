package dev.sommelier.tasks.data;

import java.util.Locale;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;

/**
 * Collects an ImageIO reader's warnings and picks out the ones that mean the data ended early:
 * ImageIO's JPEG reader does not fail on a truncated file, it warns and fills the rest with grey.
 * Benign warnings (such as extraneous bytes before a marker, which PIL also accepts) are ignored.
 */
final class ReadWarnings implements IIOReadWarningListener {

  private String truncation;

  @Override
  public void warningOccurred(ImageReader source, String warning) {
    String w = warning.toLowerCase(Locale.ROOT);
    if (truncation == null
        && (w.contains("premature end") || w.contains("truncated") || w.contains("missing eoi"))) {
      truncation = warning;
    }
  }

  /** The first warning that means truncated data, or null. */
  String truncation() {
    return truncation;
  }
}
