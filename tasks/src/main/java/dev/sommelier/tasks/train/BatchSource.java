package dev.sommelier.tasks.train;

/** The batches of one pass over a data set; an epoch number picks its shuffle and augmentation. */
public interface BatchSource {

  /** The order in which epoch {@code epoch} (0-based) visits the samples, deterministic. */
  int[] order(int epoch);

  /** The batches of the samples in {@code order}. */
  Iterable<LabeledBatch> batches(int[] order);

  /**
   * The batches of the samples in {@code order}, not augmented: a fixed set of images, for
   * statistics such as batch norm's recalibration. By default the same as {@link #batches}, which
   * suits sources that do not augment; a source that augments overrides it.
   */
  default Iterable<LabeledBatch> plainBatches(int[] order) {
    return batches(order);
  }

  /** The batches of epoch {@code epoch}. */
  default Iterable<LabeledBatch> epoch(int epoch) {
    return batches(order(epoch));
  }

  /** Images in one pass. */
  int size();

  /** Images per batch (the last batch of a pass may hold fewer). */
  int batchSize();

  /** True when every epoch gives the same images (no augmentation), so features may be cached. */
  boolean repeatable();
}
