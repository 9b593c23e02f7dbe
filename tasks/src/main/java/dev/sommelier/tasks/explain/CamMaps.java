package dev.sommelier.tasks.explain;

/**
 * Takes a {@link CamMap} from its layer's resolution to an image's: bilinear upsampling with
 * half-pixel centres (align-corners false, as {@code tf.image.resize} and OpenCV do), and the
 * location of its peak.
 */
public final class CamMaps {

  private CamMaps() {}

  /** A pixel position: column {@code x}, row {@code y}. */
  public record Peak(int x, int y) {}

  /**
   * The map bilinearly resized to {@code height x width}; sample positions outside the map take
   * the nearest edge value.
   *
   * @return {@code height * width} values, row-major
   */
  public static float[] upsample(CamMap map, int height, int width) {
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException("size must be positive, got " + width + "x" + height);
    }
    int mw = map.width();
    int[] x0 = new int[width];
    int[] x1 = new int[width];
    float[] fx = new float[width];
    taps(mw, width, x0, x1, fx);
    int[] y0 = new int[height];
    int[] y1 = new int[height];
    float[] fy = new float[height];
    taps(map.height(), height, y0, y1, fy);
    float[] v = map.values();
    float[] out = new float[height * width];
    for (int y = 0; y < height; y++) {
      int r0 = y0[y] * mw;
      int r1 = y1[y] * mw;
      for (int x = 0; x < width; x++) {
        float top = v[r0 + x0[x]] + fx[x] * (v[r0 + x1[x]] - v[r0 + x0[x]]);
        float bottom = v[r1 + x0[x]] + fx[x] * (v[r1 + x1[x]] - v[r1 + x0[x]]);
        out[y * width + x] = top + fy[y] * (bottom - top);
      }
    }
    return out;
  }

  /**
   * Where the map peaks in an image of {@code height x width}: the pixel under the centre of the
   * map's largest cell (the first one, row-major, on ties); the upsampled map takes its maximum
   * there.
   */
  public static Peak peak(CamMap map, int height, int width) {
    float[] v = map.values();
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      best = v[i] > v[best] ? i : best;
    }
    int cx = best % map.width();
    int cy = best / map.width();
    return new Peak(centre(cx, map.width(), width), centre(cy, map.height(), height));
  }

  private static int centre(int cell, int cells, int pixels) {
    int p = (int) Math.floor((cell + 0.5) * pixels / cells);
    return Math.min(pixels - 1, Math.max(0, p));
  }

  private static void taps(int in, int out, int[] i0, int[] i1, float[] frac) {
    double scale = (double) in / out;
    for (int o = 0; o < out; o++) {
      double s = Math.min(in - 1, Math.max(0, (o + 0.5) * scale - 0.5));
      i0[o] = (int) Math.floor(s);
      i1[o] = Math.min(i0[o] + 1, in - 1);
      frac[o] = (float) (s - i0[o]);
    }
  }
}
