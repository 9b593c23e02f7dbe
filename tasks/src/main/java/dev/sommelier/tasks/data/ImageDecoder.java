package dev.sommelier.tasks.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes an image file of any common format to 8-bit RGB, as PIL's {@code
 * Image.open(f).convert('RGB')} would (checked pixel for pixel against Pillow on JPEG baseline,
 * progressive and CMYK, PNG, GIF, BMP and TIFF): JPEG (baseline, progressive, greyscale, CMYK and
 * YCCK), PNG (1 to 16 bit, palette, grey, with alpha), BMP, GIF (first frame), TIFF and WBMP
 * through {@code javax.imageio}; formats it has no reader for (PNM, PCX, ICO, PSD, XPM, ...)
 * through Apache Commons Imaging. Alpha is dropped, not composited; EXIF orientation is not
 * applied (as in Keras); an embedded ICC profile is ignored for RGB and grey data. WebP cannot be
 * read (Commons Imaging 1.0-alpha5 reads only its metadata): it is an error like any unreadable
 * file.
 *
 * <p>An unreadable, empty, truncated, corrupt or unknown file is an {@link ImageDecodeException}
 * naming the file and the reason. So is an image of more than {@link #MAX_PIXELS} pixels (or the
 * limit given), an {@link ImageTooLargeException} thrown from the header's size before any pixel is
 * decoded, so that a decompression bomb cannot exhaust memory. Thread-safe: every call uses its own
 * reader.
 */
public final class ImageDecoder {

  /** The largest image decoded, in pixels: twice PIL's warning threshold (about 179 megapixels). */
  public static final long MAX_PIXELS = 2L * 89_478_485;

  private ImageDecoder() {}

  /** Decodes the file at {@code file}. */
  public static RgbImage decode(Path file) throws ImageDecodeException {
    return decode(file, MAX_PIXELS);
  }

  /**
   * Decodes the file at {@code file} if its header declares at most {@code maxPixels} pixels.
   *
   * @throws ImageTooLargeException when the header declares more, before decoding
   */
  public static RgbImage decode(Path file, long maxPixels) throws ImageDecodeException {
    String name = file.toString();
    byte[] data;
    try {
      data = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ImageDecodeException(name, "no such file", e);
    } catch (AccessDeniedException e) {
      throw new ImageDecodeException(name, "permission denied", e);
    } catch (IOException e) {
      throw new ImageDecodeException(name, "cannot read the file: " + e.getMessage(), e);
    }
    return decode(data, name, maxPixels);
  }

  /**
   * Decodes an image held in memory.
   *
   * @param name what to call it in an error (a path or sample id)
   */
  public static RgbImage decode(byte[] data, String name) throws ImageDecodeException {
    return decode(data, name, MAX_PIXELS);
  }

  /**
   * Decodes an image held in memory (an upload, say) if its header declares at most {@code
   * maxPixels} pixels.
   *
   * @param name what to call it in an error (a path or sample id)
   * @param maxPixels the largest image to decode, in pixels
   * @throws ImageTooLargeException when the header declares more, before decoding
   * @throws ImageDecodeException when the data are not an image that can be read
   */
  public static RgbImage decode(byte[] data, String name, long maxPixels)
      throws ImageDecodeException {
    if (maxPixels < 1) {
      throw new IllegalArgumentException("the pixel limit must be >= 1, got " + maxPixels);
    }
    if (data.length == 0) {
      throw new ImageDecodeException(name, "empty file", null);
    }
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return OtherFormats.decode(data, name, maxPixels);
      }
      ImageReader reader = readers.next();
      try {
        return read(reader, in, name, maxPixels);
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      throw new ImageDecodeException(name, reason(e), e);
    } catch (RuntimeException e) {
      // ImageIO's readers answer some corrupt data with unchecked exceptions
      throw new ImageDecodeException(name, "corrupt image data (" + e + ")", e);
    }
  }

  /**
   * An image already in memory (drawn with Java2D, or decoded elsewhere) to RGB, by the same rules
   * as decoding: alpha dropped, grey copied, palette looked up, wide samples scaled.
   */
  public static RgbImage convert(BufferedImage image) {
    return RasterToRgb.convert(image);
  }

  private static RgbImage read(ImageReader reader, ImageInputStream in, String name,
      long maxPixels) throws IOException, ImageDecodeException {
    boolean jpeg = reader.getFormatName().toLowerCase(Locale.ROOT).startsWith("jp");
    reader.setInput(in, true, !jpeg);
    ReadWarnings warnings = new ReadWarnings();
    reader.addIIOReadWarningListener(warnings);
    int width = reader.getWidth(0);
    int height = reader.getHeight(0);
    if ((long) width * height > maxPixels) {
      throw new ImageTooLargeException(name, width, height, maxPixels);
    }
    JpegHeader header = jpeg ? JpegHeader.of(reader) : JpegHeader.NONE;
    RgbImage image = header.components() == 4
        ? FourChannelJpeg.toRgb(reader.readRaster(0, null), header.adobeTransform())
        : RasterToRgb.convert(reader.read(0));
    String truncation = warnings.truncation();
    if (truncation != null) {
      throw new ImageDecodeException(name, "truncated or corrupt (" + truncation + ")", null);
    }
    return image;
  }

  private static String reason(IOException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof java.io.EOFException) {
      return "truncated (unexpected end of data)";
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return root == e ? "corrupt or unsupported: " + message
        : "corrupt or unsupported: " + message + " (" + root + ")";
  }
}
