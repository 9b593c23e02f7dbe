package dev.sommelier.tasks.explain;

import java.util.SplittableRandom;

/**
 * Eigen-CAM (Muhammad and Yeasin, 2020): the activations' first principal component, with no
 * gradients and so the same map for every target. The {@code positions x channels} matrix of one
 * image is centred per channel and projected on its first right singular vector (found by power
 * iteration on {@code X^T X}). The sign of a singular vector is arbitrary; it is chosen so that
 * the map correlates positively with the sum of the channels, so that the map's high end is where
 * the layer is most active.
 */
final class EigenCam implements CamMethod {

  private static final int MAX_ITERATIONS = 10_000;
  private static final double TOLERANCE = 1e-12;

  @Override
  public double[] map(LayerFetch f, int b) {
    int c = f.channels();
    int positions = f.positions();
    double[][] x = centred(f, b);
    double[] v = firstComponent(x, c);
    double[] map = new double[positions];
    double agreement = 0;
    for (int p = 0; p < positions; p++) {
      double s = 0;
      double total = 0;
      for (int k = 0; k < c; k++) {
        s += x[p][k] * v[k];
        total += x[p][k];
      }
      map[p] = s;
      agreement += s * total;
    }
    if (agreement < 0) {
      for (int p = 0; p < positions; p++) {
        map[p] = -map[p];
      }
    }
    return map;
  }

  private static double[][] centred(LayerFetch f, int b) {
    int c = f.channels();
    int positions = f.positions();
    float[] a = f.activations();
    int base = b * f.imageSize();
    double[][] x = new double[positions][c];
    double[] mean = new double[c];
    for (int p = 0; p < positions; p++) {
      for (int k = 0; k < c; k++) {
        x[p][k] = a[base + p * c + k];
        mean[k] += x[p][k] / positions;
      }
    }
    for (double[] row : x) {
      for (int k = 0; k < c; k++) {
        row[k] -= mean[k];
      }
    }
    return x;
  }

  /** The unit eigenvector of {@code X^T X} with the largest eigenvalue (0 when X is 0). */
  private static double[] firstComponent(double[][] x, int c) {
    SplittableRandom random = new SplittableRandom(c);
    double[] v = new double[c];
    for (int k = 0; k < c; k++) {
      v[k] = random.nextDouble() + 0.5;
    }
    normalise(v);
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      double[] next = new double[c];
      for (double[] row : x) {
        double s = 0;
        for (int k = 0; k < c; k++) {
          s += row[k] * v[k];
        }
        for (int k = 0; k < c; k++) {
          next[k] += s * row[k];
        }
      }
      if (normalise(next) == 0) {
        return next;
      }
      double change = 0;
      for (int k = 0; k < c; k++) {
        change += (next[k] - v[k]) * (next[k] - v[k]);
      }
      v = next;
      if (change < TOLERANCE) {
        break;
      }
    }
    return v;
  }

  private static double normalise(double[] v) {
    double norm = 0;
    for (double d : v) {
      norm += d * d;
    }
    norm = Math.sqrt(norm);
    for (int k = 0; k < v.length && norm > 0; k++) {
      v[k] /= norm;
    }
    return norm;
  }

  @Override
  public String name() {
    return "EIGEN_CAM";
  }

  @Override
  public String label() {
    return "eigencam";
  }

  @Override
  public String toString() {
    return name();
  }
}
