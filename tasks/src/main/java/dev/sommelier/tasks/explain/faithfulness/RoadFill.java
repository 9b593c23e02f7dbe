package dev.sommelier.tasks.explain.faithfulness;

import java.util.Arrays;

/**
 * Fills removed pixels from their neighbours, as ROAD does (Rong, Leemann, Borisov, Kasneci and
 * Kasneci, "A Consistent and Efficient Evaluation Strategy for Attribution Methods", ICML 2022).
 * ROAD's point: a pixel removed by painting it one constant colour leaves a mask whose shape
 * itself tells the model where the removed pixels were, so a deletion curve partly measures the
 * model's reaction to the mask; a removed pixel filled by interpolating its neighbours carries no
 * such shape. As in the paper's linear imputation, every removed pixel is the weighted mean of its
 * eight neighbours inside the image (the four direct ones weigh 1/6, the four diagonal ones 1/12),
 * whether those are kept or removed themselves; the removed pixels of all channels are solved for
 * together, one sparse symmetric system per channel (conjugate gradients, started from the mean of
 * the kept pixels). The paper's small added noise is left out, so the fill is deterministic. A
 * group of removed pixels that touches no kept pixel takes the mean of the kept pixels (of all
 * pixels when none is kept).
 */
public final class RoadFill {

  private static final int[] DX = {-1, 0, 1, -1, 1, -1, 0, 1};
  private static final int[] DY = {-1, -1, -1, 0, 0, 1, 1, 1};
  private static final double DIRECT = 1.0 / 6;
  private static final double DIAGONAL = 1.0 / 12;
  private static final double TOLERANCE = 1e-6;

  private RoadFill() {}

  /**
   * The image with the {@code removed} pixels filled.
   *
   * @param pixels {@code height * width * channels} values, HWC
   * @param removed {@code height * width} flags, row-major
   * @return a new array; kept pixels keep their values
   */
  public static float[] fill(float[] pixels, int height, int width, int channels,
      boolean[] removed) {
    int n = height * width;
    if (pixels.length != n * channels || removed.length != n) {
      throw new IllegalArgumentException("expected " + n * channels + " pixel values and " + n
          + " flags for " + width + "x" + height + "x" + channels + ", got " + pixels.length
          + " and " + removed.length);
    }
    int[] unknown = new int[n];
    int m = 0;
    int[] index = new int[n];
    for (int p = 0; p < n; p++) {
      index[p] = removed[p] ? m : -1;
      if (removed[p]) {
        unknown[m++] = p;
      }
    }
    float[] out = pixels.clone();
    if (m == 0) {
      return out;
    }
    double[] diagonal = new double[m];
    int[] neighbour = new int[m * 8];
    double[] weight = new double[m * 8];
    Arrays.fill(neighbour, -1);
    for (int i = 0; i < m; i++) {
      int x = unknown[i] % width;
      int y = unknown[i] / width;
      for (int j = 0; j < 8; j++) {
        int nx = x + DX[j];
        int ny = y + DY[j];
        if (nx >= 0 && nx < width && ny >= 0 && ny < height) {
          double w = DX[j] == 0 || DY[j] == 0 ? DIRECT : DIAGONAL;
          diagonal[i] += w;
          neighbour[i * 8 + j] = ny * width + nx;
          weight[i * 8 + j] = w;
        }
      }
    }
    for (int c = 0; c < channels; c++) {
      double[] solved = solve(pixels, channels, c, index, diagonal, neighbour, weight,
          keptMean(pixels, channels, c, removed));
      for (int i = 0; i < m; i++) {
        out[unknown[i] * channels + c] = (float) solved[i];
      }
    }
    return out;
  }

  /**
   * Conjugate gradients on {@code D x - W_unknown x = W_known v}: row {@code i} says that removed
   * pixel {@code i} is the weighted mean of its neighbours.
   */
  private static double[] solve(float[] pixels, int channels, int c, int[] index,
      double[] diagonal, int[] neighbour, double[] weight, double start) {
    int m = diagonal.length;
    double[] b = new double[m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < 8; j++) {
        int q = neighbour[i * 8 + j];
        if (q >= 0 && index[q] < 0) {
          b[i] += weight[i * 8 + j] * pixels[q * channels + c];
        }
      }
    }
    double[] x = new double[m];
    Arrays.fill(x, start);
    double[] r = b.clone();
    double[] product = multiply(x, index, diagonal, neighbour, weight);
    for (int i = 0; i < m; i++) {
      r[i] -= product[i];
    }
    double[] d = r.clone();
    double rr = dot(r, r);
    double limit = TOLERANCE * TOLERANCE * Math.max(dot(b, b), 1.0);
    for (int iteration = 0; iteration < 4 * m && rr > limit; iteration++) {
      double[] ad = multiply(d, index, diagonal, neighbour, weight);
      double alpha = rr / dot(d, ad);
      for (int i = 0; i < m; i++) {
        x[i] += alpha * d[i];
        r[i] -= alpha * ad[i];
      }
      double next = dot(r, r);
      double beta = next / rr;
      rr = next;
      for (int i = 0; i < m; i++) {
        d[i] = r[i] + beta * d[i];
      }
    }
    return x;
  }

  private static double[] multiply(double[] v, int[] index, double[] diagonal, int[] neighbour,
      double[] weight) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      double s = diagonal[i] * v[i];
      for (int j = 0; j < 8; j++) {
        int q = neighbour[i * 8 + j];
        if (q >= 0 && index[q] >= 0) {
          s -= weight[i * 8 + j] * v[index[q]];
        }
      }
      out[i] = s;
    }
    return out;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double keptMean(float[] pixels, int channels, int c, boolean[] removed) {
    double sum = 0;
    int kept = 0;
    for (int p = 0; p < removed.length; p++) {
      if (!removed[p]) {
        sum += pixels[p * channels + c];
        kept++;
      }
    }
    if (kept > 0) {
      return sum / kept;
    }
    for (int p = 0; p < removed.length; p++) {
      sum += pixels[p * channels + c];
    }
    return sum / removed.length;
  }
}
