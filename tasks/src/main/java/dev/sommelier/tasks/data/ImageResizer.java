package dev.sommelier.tasks.data;

import java.util.Arrays;
import java.util.List;

/**
 * Resizes an 8-bit RGB image to a model's input size as float RGB in [0, 255], interleaved HWC,
 * into a caller's array. Each axis is resampled on its own (separable): bilinear with half-pixel
 * centres when it grows or shrinks by at most {@link #AREA_THRESHOLD}, area averaging when it
 * shrinks more (so that a large photo is not aliased). Work is two bulk passes over precomputed
 * taps; the only allocation is one intermediate buffer per call. Thread-safe.
 */
public final class ImageResizer {

  /** Shrinking an axis by more than this factor switches it from bilinear to area averaging. */
  public static final double AREA_THRESHOLD = 2.0;

  private ImageResizer() {}

  /**
   * Writes {@code image} resized to {@code height x width} into {@code dst[offset ..]}, {@code
   * height * width * 3} floats.
   */
  public static void resize(RgbImage image, int height, int width, float[] dst, int offset) {
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException(
          "output size must be positive, got " + height + "x" + width);
    }
    if (offset < 0 || offset + (long) height * width * 3 > dst.length) {
      throw new IllegalArgumentException("destination holds " + dst.length + " floats, cannot take "
          + height + "x" + width + "x3 at offset " + offset);
    }
    if (image.width() == width && image.height() == height) {
      toFloats(image.rgb(), dst, offset);
      return;
    }
    ResizeTaps horizontal = ResizeTaps.of(image.width(), width);
    ResizeTaps vertical = ResizeTaps.of(image.height(), height);
    float[] rows = new float[image.height() * width * 3];
    resampleRows(image, horizontal, width, rows);
    resampleColumns(rows, vertical, height, width, dst, offset);
  }

  /** {@code image} resized to {@code height x width}, as a new float array. */
  public static float[] resize(RgbImage image, int height, int width) {
    float[] out = new float[height * width * 3];
    resize(image, height, width, out, 0);
    return out;
  }

  /** {@code images} each resized to {@code size x size}, one after another in a new array. */
  public static float[] resizeAll(List<RgbImage> images, int size) {
    int per = size * size * 3;
    float[] out = new float[images.size() * per];
    for (int i = 0; i < images.size(); i++) {
      resize(images.get(i), size, size, out, i * per);
    }
    return out;
  }

  /** {@code image} resized to {@code height x width} and rounded to bytes (for caching). */
  public static RgbImage resizeToBytes(RgbImage image, int height, int width) {
    return toBytes(resize(image, height, width), height, width);
  }

  /** {@code height x width} float RGB (HWC) rounded and clipped to an 8-bit image. */
  public static RgbImage toBytes(float[] pixels, int height, int width) {
    byte[] out = new byte[pixels.length];
    for (int i = 0; i < pixels.length; i++) {
      out[i] = (byte) Math.max(0, Math.min(255, Math.round(pixels[i])));
    }
    return new RgbImage(width, height, out);
  }

  /** Copies bytes (unsigned) to floats in [0, 255] at {@code dst[offset ..]}. */
  public static void toFloats(byte[] rgb, float[] dst, int offset) {
    for (int i = 0; i < rgb.length; i++) {
      dst[offset + i] = rgb[i] & 0xFF;
    }
  }

  private static void resampleRows(RgbImage image, ResizeTaps t, int width, float[] rows) {
    byte[] src = image.rgb();
    int inRow = image.width() * 3;
    for (int y = 0; y < image.height(); y++) {
      int s = y * inRow;
      int o = y * width * 3;
      for (int x = 0; x < width; x++, o += 3) {
        float r = 0;
        float g = 0;
        float b = 0;
        for (int k = x * t.taps, end = k + t.taps; k < end; k++) {
          float w = t.weight[k];
          int i = s + t.index[k] * 3;
          r += w * (src[i] & 0xFF);
          g += w * (src[i + 1] & 0xFF);
          b += w * (src[i + 2] & 0xFF);
        }
        rows[o] = r;
        rows[o + 1] = g;
        rows[o + 2] = b;
      }
    }
  }

  private static void resampleColumns(
      float[] rows, ResizeTaps t, int height, int width, float[] dst, int offset) {
    int row = width * 3;
    for (int y = 0; y < height; y++) {
      int o = offset + y * row;
      Arrays.fill(dst, o, o + row, 0f);
      for (int k = y * t.taps, end = k + t.taps; k < end; k++) {
        float w = t.weight[k];
        if (w == 0f) {
          continue;
        }
        int s = t.index[k] * row;
        for (int i = 0; i < row; i++) {
          dst[o + i] += w * rows[s + i];
        }
      }
    }
  }
}
