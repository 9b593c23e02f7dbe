package dev.sommelier.tasks.data;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Test images of known colours, written with ImageIO in the formats the decoder must read. */
public final class TestImages {

  /** Left half of every two-colour test image. */
  public static final Color LEFT = new Color(200, 40, 10);
  /** Right half of every two-colour test image. */
  public static final Color RIGHT = new Color(10, 90, 250);

  private TestImages() {}

  /** A {@code width x height} image of {@code type}, left half {@link #LEFT}, right {@link #RIGHT}. */
  public static BufferedImage halves(int type, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, type);
    Graphics2D g = image.createGraphics();
    g.setColor(LEFT);
    g.fillRect(0, 0, width / 2, height);
    g.setColor(RIGHT);
    g.fillRect(width / 2, 0, width - width / 2, height);
    g.dispose();
    return image;
  }

  /** A palette image (TYPE_BYTE_INDEXED) of {@link #LEFT} and {@link #RIGHT} halves. */
  public static BufferedImage palette(int width, int height) {
    byte[] r = {(byte) LEFT.getRed(), (byte) RIGHT.getRed()};
    byte[] g = {(byte) LEFT.getGreen(), (byte) RIGHT.getGreen()};
    byte[] b = {(byte) LEFT.getBlue(), (byte) RIGHT.getBlue()};
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED,
        new IndexColorModel(8, 2, r, g, b));
    WritableRaster raster = image.getRaster();
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        raster.setSample(x, y, 0, x < width / 2 ? 0 : 1);
      }
    }
    return image;
  }

  /** A 16-bit RGB image (three unsigned-short bands) with every pixel {@code (r, g, b)}. */
  public static BufferedImage rgb16(int width, int height, int r, int g, int b) {
    ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
        new int[] {16, 16, 16}, false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
    WritableRaster raster = cm.createCompatibleWritableRaster(width, height);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        raster.setPixel(x, y, new int[] {r, g, b});
      }
    }
    return new BufferedImage(cm, raster, false, null);
  }

  /** Encodes with ImageIO's writer for {@code format}. */
  public static byte[] encode(BufferedImage image, String format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no " + format + " writer for " + image);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JPEG at quality 1.0 of an image or a raster, progressive when asked. */
  public static byte[] jpeg(BufferedImage image, Raster raster, boolean progressive) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      if (progressive) {
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
      } else {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(1f);
      }
      writer.write(null, image != null ? new IIOImage(image, null, null)
          : new IIOImage(raster, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /**
   * A four-component JPEG of a raster whose left half is {@code left} and right half {@code
   * right} (four stored samples each), with an Adobe APP14 marker of {@code adobeTransform}
   * inserted after SOI, or none when it is negative.
   */
  public static byte[] fourChannelJpeg(int[] left, int[] right, int adobeTransform) {
    int w = 32;
    int h = 16;
    WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 4, new Point());
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        raster.setPixel(x, y, x < w / 2 ? left : right);
      }
    }
    byte[] plain = jpeg(null, raster, false);
    if (adobeTransform < 0) {
      return plain;
    }
    byte[] app14 = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0,
        (byte) adobeTransform};
    byte[] out = new byte[plain.length + app14.length];
    System.arraycopy(plain, 0, out, 0, 2);
    System.arraycopy(app14, 0, out, 2, app14.length);
    System.arraycopy(plain, 2, out, 2 + app14.length, plain.length - 2);
    return out;
  }

  /** Writes {@code bytes} to {@code dir/name}. */
  public static Path write(Path dir, String name, byte[] bytes) {
    try {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      return Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
