package dev.sommelier.tasks.data;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.commons.imaging.ImageFormats;
import org.apache.commons.imaging.Imaging;

/**
 * Formats {@code javax.imageio} has no reader for (PNM, PCX, ICO, PSD, XPM, ...), decoded with
 * Apache Commons Imaging: by the data's signature, or, for formats without one (PCX, ICO), by the
 * file name's extension. The size in the header is checked against the pixel limit before the
 * pixels are decoded.
 */
final class OtherFormats {

  private static final String UNKNOWN = "not a recognised image format";

  private OtherFormats() {}

  static RgbImage decode(byte[] data, String name, long maxPixels) throws ImageDecodeException {
    BufferedImage image;
    try {
      if (Imaging.guessFormat(data) != ImageFormats.UNKNOWN) {
        checkSize(Imaging.getImageSize(data), name, maxPixels);
        image = Imaging.getBufferedImage(data);
      } else {
        image = byExtension(data, name, maxPixels);
      }
    } catch (IOException e) {
      throw new ImageDecodeException(name, "corrupt or unsupported image: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new ImageDecodeException(name, "corrupt image data (" + e + ")", e);
    }
    if (image == null) {
      throw new ImageDecodeException(name, UNKNOWN, null);
    }
    return RasterToRgb.convert(image);
  }

  /** The image if the parser that the name's extension picks can read it, else null. */
  private static BufferedImage byExtension(byte[] data, String name, long maxPixels)
      throws ImageTooLargeException {
    try {
      checkSize(Imaging.getImageSize(new ByteArrayInputStream(data), name), name, maxPixels);
      return Imaging.getBufferedImage(new ByteArrayInputStream(data), name);
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  private static void checkSize(Dimension size, String name, long maxPixels)
      throws ImageTooLargeException {
    if (size != null && (long) size.width * size.height > maxPixels) {
      throw new ImageTooLargeException(name, size.width, size.height, maxPixels);
    }
  }
}
