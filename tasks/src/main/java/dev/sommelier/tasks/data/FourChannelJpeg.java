package dev.sommelier.tasks.data;

import java.awt.image.Raster;

/**
 * A four-component (CMYK or YCCK) JPEG's raw raster to RGB, exactly as PIL/libjpeg do it, without
 * an ICC profile: the samples follow Adobe's convention (stored inverted, 255 = no ink, which is
 * what Photoshop writes and what PIL assumes for every CMYK JPEG), YCCK's first three components
 * are first converted from YCbCr, and each channel is then {@code (255 - ink) * (255 - black) /
 * 255}.
 */
final class FourChannelJpeg {

  /** The Adobe APP14 colour transform of a YCCK JPEG. */
  static final int ADOBE_YCCK = 2;

  private FourChannelJpeg() {}

  /**
   * @param raster the four bands as stored (ImageIO's {@code readRaster}: no colour conversion)
   * @param adobeTransform the APP14 transform (0 CMYK, 2 YCCK), or -1 without an Adobe marker
   */
  static RgbImage toRgb(Raster raster, int adobeTransform) {
    int w = raster.getWidth();
    int h = raster.getHeight();
    int[] px = raster.getPixels(raster.getMinX(), raster.getMinY(), w, h, (int[]) null);
    byte[] out = new byte[w * h * 3];
    boolean ycck = adobeTransform == ADOBE_YCCK;
    for (int i = 0, o = 0; i < px.length; i += 4, o += 3) {
      int k = px[i + 3];
      if (ycck) {
        int y = px[i];
        float cb = px[i + 1] - 128f;
        float cr = px[i + 2] - 128f;
        out[o] = ink(clamp(y + 1.402f * cr), k);
        out[o + 1] = ink(clamp(y - 0.344136f * cb - 0.714136f * cr), k);
        out[o + 2] = ink(clamp(y + 1.772f * cb), k);
      } else {
        out[o] = ink(255 - px[i], k);
        out[o + 1] = ink(255 - px[i + 1], k);
        out[o + 2] = ink(255 - px[i + 2], k);
      }
    }
    return new RgbImage(w, h, out);
  }

  /** PIL's {@code cmyk2rgb}: {@code k - ink * k / 255}, its rounding, {@code k} stored inverted. */
  private static byte ink(int ink, int storedBlack) {
    int t = ink * storedBlack + 128;
    return (byte) (storedBlack - (((t >> 8) + t) >> 8));
  }

  private static int clamp(float v) {
    return Math.max(0, Math.min(255, Math.round(v)));
  }
}
