package dev.sommelier.tasks.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * A decoded {@link BufferedImage} to 8-bit RGB, the way PIL's {@code convert('RGB')} does it: alpha
 * is dropped (not composited), grey is copied to all three channels, a palette is looked up, and
 * samples wider than 8 bits are scaled to 0..255. RGB and grey samples are taken as they are
 * stored, without colour management (an embedded ICC profile is ignored, as PIL and Keras ignore
 * it); any other colour space is converted to sRGB by Java2D.
 */
final class RasterToRgb {

  private RasterToRgb() {}

  static RgbImage convert(BufferedImage image) {
    if (image.getColorModel().isAlphaPremultiplied()) {
      image.coerceData(false);
    }
    ColorModel cm = image.getColorModel();
    Raster raster = image.getRaster();
    if (cm instanceof IndexColorModel icm) {
      return palette(raster, icm);
    }
    int type = cm.getColorSpace().getType();
    int colours = cm.getNumColorComponents();
    boolean integral = raster.getTransferType() != DataBuffer.TYPE_FLOAT
        && raster.getTransferType() != DataBuffer.TYPE_DOUBLE;
    if (integral && type == ColorSpace.TYPE_GRAY && colours == 1) {
      return bands(raster, cm, new int[] {0, 0, 0});
    }
    if (integral && type == ColorSpace.TYPE_RGB && colours == 3) {
      return bands(raster, cm, new int[] {0, 1, 2});
    }
    return colourManaged(image);
  }

  private static RgbImage palette(Raster raster, IndexColorModel icm) {
    int w = raster.getWidth();
    int h = raster.getHeight();
    int n = icm.getMapSize();
    byte[] reds = new byte[n];
    byte[] greens = new byte[n];
    byte[] blues = new byte[n];
    icm.getReds(reds);
    icm.getGreens(greens);
    icm.getBlues(blues);
    int[] index = raster.getSamples(0, 0, w, h, 0, (int[]) null);
    byte[] out = new byte[w * h * 3];
    for (int i = 0, o = 0; i < index.length; i++, o += 3) {
      int k = Math.min(index[i], n - 1);
      out[o] = reds[k];
      out[o + 1] = greens[k];
      out[o + 2] = blues[k];
    }
    return new RgbImage(w, h, out);
  }

  /** Copies raster bands {@code source[0..2]} to R, G, B. */
  private static RgbImage bands(Raster raster, ColorModel cm, int[] source) {
    int w = raster.getWidth();
    int h = raster.getHeight();
    byte[] out = new byte[w * h * 3];
    boolean bytes = raster.getDataBuffer() instanceof DataBufferByte
        && raster.getSampleModel() instanceof ComponentSampleModel
        && raster.getSampleModelTranslateX() == 0
        && raster.getSampleModelTranslateY() == 0
        && cm.getComponentSize(source[0]) == 8;
    for (int c = 0; c < 3; c++) {
      if (bytes) {
        copyByteBand(raster, source[c], out, c);
      } else {
        copyBand(raster, source[c], cm.getComponentSize(source[c]), out, c);
      }
    }
    return new RgbImage(w, h, out);
  }

  /** The fast path: 8-bit samples read straight from the data buffer. */
  private static void copyByteBand(Raster raster, int band, byte[] out, int channel) {
    ComponentSampleModel sm = (ComponentSampleModel) raster.getSampleModel();
    DataBufferByte db = (DataBufferByte) raster.getDataBuffer();
    int bank = sm.getBankIndices()[band];
    byte[] data = db.getData(bank);
    int base = db.getOffsets()[bank] + sm.getBandOffsets()[band];
    int pixelStride = sm.getPixelStride();
    int scanline = sm.getScanlineStride();
    int w = raster.getWidth();
    int h = raster.getHeight();
    for (int y = 0, o = channel; y < h; y++) {
      int i = base + y * scanline;
      for (int x = 0; x < w; x++, i += pixelStride, o += 3) {
        out[o] = data[i];
      }
    }
  }

  private static void copyBand(Raster raster, int band, int bits, byte[] out, int channel) {
    int w = raster.getWidth();
    int h = raster.getHeight();
    int[] samples = raster.getSamples(0, 0, w, h, band, (int[]) null);
    long max = (1L << bits) - 1;
    for (int i = 0, o = channel; i < samples.length; i++, o += 3) {
      long v = samples[i] & 0xFFFFFFFFL;
      out[o] = (byte) (bits == 8 ? v : (v * 255 + max / 2) / max);
    }
  }

  private static RgbImage colourManaged(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
    byte[] out = new byte[w * h * 3];
    for (int i = 0, o = 0; i < argb.length; i++, o += 3) {
      out[o] = (byte) (argb[i] >> 16);
      out[o + 1] = (byte) (argb[i] >> 8);
      out[o + 2] = (byte) argb[i];
    }
    return new RgbImage(w, h, out);
  }
}
