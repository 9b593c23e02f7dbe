package dev.sommelier.tasks.explain.render;

import dev.sommelier.tasks.data.RgbImage;
import java.awt.image.BufferedImage;

/** A heat map in JET colours blended over the image it explains. */
public final class Overlay {

  /** The heat map's share of each blended pixel. */
  public static final float DEFAULT_ALPHA = 0.45f;

  private Overlay() {}

  /**
   * {@code (1 - alpha) * image + alpha * jet(heat)} per pixel.
   *
   * @param image the original image
   * @param heat {@code image.height() * image.width()} values in [0, 1], row-major (the map
   *     upsampled to the image's resolution)
   * @param alpha the heat map's share, in [0, 1]
   * @return an RGB image of the original's size
   */
  public static BufferedImage blend(RgbImage image, float[] heat, float alpha) {
    int w = image.width();
    int h = image.height();
    if (heat.length != w * h) {
      throw new IllegalArgumentException(
          "heat map has " + heat.length + " values for a " + w + "x" + h + " image");
    }
    if (!(alpha >= 0f && alpha <= 1f)) {
      throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
    }
    byte[] rgb = image.rgb();
    int[] out = new int[w * h];
    for (int i = 0; i < out.length; i++) {
      int jet = Jet.rgb(heat[i]);
      int r = mix(rgb[3 * i] & 0xFF, jet >> 16 & 0xFF, alpha);
      int g = mix(rgb[3 * i + 1] & 0xFF, jet >> 8 & 0xFF, alpha);
      int b = mix(rgb[3 * i + 2] & 0xFF, jet & 0xFF, alpha);
      out[i] = r << 16 | g << 8 | b;
    }
    BufferedImage result = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    result.setRGB(0, 0, w, h, out, 0, w);
    return result;
  }

  /** {@code image} as a Java2D image (for drawing it beside its overlay). */
  public static BufferedImage of(RgbImage image) {
    return blend(image, new float[image.width() * image.height()], 0f);
  }

  private static int mix(int base, int colour, float alpha) {
    return Math.round((1f - alpha) * base + alpha * colour);
  }
}
