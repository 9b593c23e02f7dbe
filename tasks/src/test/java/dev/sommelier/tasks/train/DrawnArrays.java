package dev.sommelier.tasks.train;

import java.util.Random;

/**
 * Small drawn data sets held in memory, for trainer tests: RGB in [0, 255] before preprocessing.
 */
final class DrawnArrays {

  final float[] images;
  final float[] targets;
  final int n;

  private DrawnArrays(float[] images, float[] targets, int n) {
    this.images = images;
    this.targets = targets;
    this.n = n;
  }

  /** Two classes: a horizontal or a vertical line at a random place, on noise; one-hot targets. */
  static DrawnArrays lines(int n, int size, long seed) {
    Random r = new Random(seed);
    float[] px = noise(n, size, r);
    float[] y = new float[n * 2];
    for (int i = 0; i < n; i++) {
      int cls = r.nextInt(2);
      y[i * 2 + cls] = 1;
      int at = 2 + r.nextInt(size - 4);
      int from = r.nextInt(size / 3);
      int len = size / 2 + r.nextInt(size / 3);
      for (int t = from; t < Math.min(size, from + len); t++) {
        int row = cls == 0 ? at : t;
        int col = cls == 0 ? t : at;
        for (int c = 0; c < 3; c++) {
          px[((i * size + row) * size + col) * 3 + c] = 255;
        }
      }
    }
    return new DrawnArrays(px, y, n);
  }

  /** Ranks 1..maxRank: a bar whose length is the rank; the target is the rank. */
  static DrawnArrays bars(int n, int size, int maxRank, long seed) {
    Random r = new Random(seed);
    float[] px = noise(n, size, r);
    float[] y = new float[n];
    int unit = (size - 2) / maxRank;
    for (int i = 0; i < n; i++) {
      int rank = 1 + r.nextInt(maxRank);
      y[i] = rank;
      int row = 1 + r.nextInt(size - 3);
      for (int t = 1; t < 1 + rank * unit; t++) {
        for (int dr = 0; dr < 2; dr++) {
          for (int c = 0; c < 3; c++) {
            px[((i * size + row + dr) * size + t) * 3 + c] = 230;
          }
        }
      }
    }
    return new DrawnArrays(px, y, n);
  }

  private static float[] noise(int n, int size, Random r) {
    float[] px = new float[n * size * size * 3];
    for (int i = 0; i < px.length; i++) {
      px[i] = 40 * r.nextFloat();
    }
    return px;
  }
}
