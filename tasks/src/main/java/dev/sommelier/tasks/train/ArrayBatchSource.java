package dev.sommelier.tasks.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Batches from images already in memory (preprocessed, {@code n * size * size * 3} floats) and their
 * targets, reshuffled per epoch with a seed (or kept in order). Repeatable: features may be cached.
 */
public final class ArrayBatchSource implements BatchSource {

  private final float[] images;
  private final float[] targets;
  private final int n;
  private final int batchSize;
  private final long shuffleSeed;
  private final boolean shuffle;

  /**
   * @param images {@code n} images, row-major
   * @param targets {@code n * k} targets
   * @param shuffle whether each epoch reshuffles (seeded by {@code seed} and the epoch)
   */
  public ArrayBatchSource(float[] images, float[] targets, int n, int batchSize, boolean shuffle, long seed) {
    if (n <= 0 || images.length % n != 0 || targets.length % n != 0) {
      throw new IllegalArgumentException(
          n + " images do not divide " + images.length + " pixels and " + targets.length + " targets");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }
    this.images = images;
    this.targets = targets;
    this.n = n;
    this.batchSize = batchSize;
    this.shuffle = shuffle;
    this.shuffleSeed = seed;
  }

  @Override
  public int[] order(int epoch) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    if (shuffle) {
      Random r = new Random(shuffleSeed * 1_000_003L + epoch);
      for (int i = n - 1; i > 0; i--) {
        int j = r.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }
    return order;
  }

  @Override
  public Iterable<LabeledBatch> batches(int[] order) {
    int n = order.length;
    int px = images.length / this.n;
    int k = targets.length / this.n;
    List<LabeledBatch> out = new ArrayList<>();
    for (int from = 0; from < n; from += batchSize) {
      int m = Math.min(batchSize, n - from);
      float[] x = new float[m * px];
      float[] y = new float[m * k];
      for (int i = 0; i < m; i++) {
        System.arraycopy(images, order[from + i] * px, x, i * px, px);
        System.arraycopy(targets, order[from + i] * k, y, i * k, k);
      }
      out.add(new LabeledBatch(x, m, y));
    }
    return out;
  }

  @Override
  public int size() {
    return n;
  }

  @Override
  public int batchSize() {
    return batchSize;
  }

  @Override
  public boolean repeatable() {
    return true;
  }
}
