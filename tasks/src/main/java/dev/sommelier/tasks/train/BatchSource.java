package dev.sommelier.tasks.train;

/** The batches of one pass over a data set; an epoch number picks its shuffle and augmentation. */
public interface BatchSource {

  /** The batches of epoch {@code epoch} (0-based), deterministic for a given epoch. */
  Iterable<LabeledBatch> epoch(int epoch);

  /** Images in one pass. */
  int size();

  /** Images per batch (the last batch of a pass may hold fewer). */
  int batchSize();

  /** True when every epoch gives the same images (no augmentation), so features may be cached. */
  boolean repeatable();
}
