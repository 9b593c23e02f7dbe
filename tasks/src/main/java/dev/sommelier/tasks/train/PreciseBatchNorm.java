package dev.sommelier.tasks.train;

import dev.sommelier.core.layers.BatchNormRecalibration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batch norm's moving statistics recomputed for the weights as they are ("precise BN"). Training
 * steps move them by Keras's momentum of 0.99, so they trail weights that change fast (a model
 * from scratch at a high rate) and the inference tower, which validation and the saved model use,
 * normalises with statistics of older weights. After each epoch of a phase that trains backbone
 * layers with batch norm in training mode, before validation and the checkpoints, every batch-norm
 * layer's moving mean and variance become the statistics of its input over a fixed set of training
 * images ({@link BatchNormRecalibration}).
 *
 * <p>The images are the first N of the training source's epoch-0 order, as loaded, never
 * augmented ({@link BatchSource#plainBatches}): the same images every time, so the statistics are
 * a function of the weights alone, a resumed run recomputes what an uninterrupted one does, and no
 * shuffle, augmentation or dropout stream draws (only the ops before the last batch norm run).
 */
final class PreciseBatchNorm {

  private static final Logger LOG = LoggerFactory.getLogger(PreciseBatchNorm.class);

  private final BatchNormRecalibration recalibration;
  private final List<TrainingPhase> phases;
  private final int images;
  private boolean reported;

  /**
   * @param recalibration the training tower's batch-norm layers (empty when batch norm is frozen)
   * @param images training images to recompute the statistics over; 0 = never
   */
  PreciseBatchNorm(BatchNormRecalibration recalibration, List<TrainingPhase> phases, int images) {
    this.recalibration = recalibration;
    this.phases = phases;
    this.images = images;
  }

  /** Whether an epoch of {@code phase} ends with a recalibration. */
  boolean applies(int phase) {
    return images > 0 && !recalibration.isEmpty() && !phases.get(phase).scope().headOnly();
  }

  /** Recomputes the moving statistics after an epoch of {@code phase}, if it {@link #applies}. */
  void afterEpoch(int phase, BatchSource train) {
    if (!applies(phase)) {
      return;
    }
    long start = System.nanoTime();
    int[] order = Arrays.copyOf(train.order(0), Math.min(images, train.size()));
    int used = recalibration.recalibrate(() -> inputs(train.plainBatches(order).iterator()));
    double seconds = (System.nanoTime() - start) / 1e9;
    if (!reported) {
      reported = true;
      LOG.info("batch norm trains: the moving statistics of its {} layers are recomputed on {}"
              + " training images before each validation and checkpoint ({} s; precise BN)",
          recalibration.layerCount(), used, String.format("%.1f", seconds));
    } else {
      LOG.debug("recomputed batch norm's statistics on {} images in {} s", used,
          String.format("%.2f", seconds));
    }
  }

  private static Iterator<float[]> inputs(Iterator<LabeledBatch> batches) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return batches.hasNext();
      }

      @Override
      public float[] next() {
        return batches.next().inputs();
      }
    };
  }
}
