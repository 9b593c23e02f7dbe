package dev.sommelier.tasks.train;

import dev.sommelier.tasks.model.TaskModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backbone features of every training image, computed once (one forward pass per image) and
 * served as batches in each epoch's order, for head-only training on repeatable data; with a
 * {@link FeatureStore}, computed once for every run that shares the store and the key.
 */
final class CachedFeatures implements BatchSource {

  private static final Logger LOG = LoggerFactory.getLogger(CachedFeatures.class);
  private final BatchSource images;
  private final ArrayBatchSource features;

  private CachedFeatures(BatchSource images, ArrayBatchSource features) {
    this.images = images;
    this.features = features;
  }

  /**
   * Runs {@code model}'s backbone over all of {@code source} in sample order.
   *
   * @throws IllegalStateException when an image of {@code source} cannot be read: its features
   *     would be missing, and training would see zeros in their place
   */
  static CachedFeatures compute(TaskModel model, BatchSource source) {
    return of(source, arrays(model, source));
  }

  /**
   * The features stored under {@code key} in {@code store}, or computed as {@link #compute} does
   * and stored there. Stored features of another shape (another model under the same key) are
   * not used: the features are computed again.
   */
  static CachedFeatures shared(TaskModel model, BatchSource source, FeatureStore store,
      String key) {
    FeatureArrays stored = store.computeIfAbsent(key, () -> arrays(model, source));
    if (stored.n() != source.size() || stored.featureSize() != model.featureSize()) {
      LOG.warn("stored features {} hold {} images of {} floats, not {} of {}; computing them"
          + " again", key, stored.n(), stored.featureSize(), source.size(), model.featureSize());
      return compute(model, source);
    }
    return of(source, stored);
  }

  private static CachedFeatures of(BatchSource source, FeatureArrays arrays) {
    return new CachedFeatures(source, new ArrayBatchSource(
        arrays.features(), arrays.targets(), arrays.n(), source.batchSize(), false, 0));
  }

  private static FeatureArrays arrays(TaskModel model, BatchSource source) {
    long start = System.nanoTime();
    int n = source.size();
    int[] identity = new int[n];
    for (int i = 0; i < n; i++) {
      identity[i] = i;
    }
    int per = model.featureSize();
    float[] all = new float[Math.multiplyExact(n, per)];
    float[] targets = null;
    int at = 0;
    for (LabeledBatch b : source.batches(identity)) {
      float[] f = model.features(b.inputs(), b.n());
      System.arraycopy(f, 0, all, at * per, f.length);
      int k = b.targets().length / b.n();
      if (targets == null) {
        targets = new float[n * k];
      }
      System.arraycopy(b.targets(), 0, targets, at * k, b.targets().length);
      at += b.n();
    }
    if (at < n) {
      // the rows would no longer match the sample indices that order() hands out
      throw new IllegalStateException((n - at) + " of the " + n + " training images could not be"
          + " read when their backbone features were computed (see the warnings above: did the"
          + " files change on disk?); fix or remove them and run again");
    }
    LOG.info("computed the backbone features of {} images once for head-only training in {} s",
        n, String.format("%.1f", (System.nanoTime() - start) / 1e9));
    return new FeatureArrays(all, targets, n);
  }

  @Override
  public int[] order(int epoch) {
    return images.order(epoch);
  }

  @Override
  public Iterable<LabeledBatch> batches(int[] order) {
    return features.batches(order);
  }

  @Override
  public int size() {
    return images.size();
  }

  @Override
  public int batchSize() {
    return images.batchSize();
  }

  @Override
  public boolean repeatable() {
    return true;
  }
}
