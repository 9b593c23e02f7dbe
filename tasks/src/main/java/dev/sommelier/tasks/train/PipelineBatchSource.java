package dev.sommelier.tasks.train;

import dev.sommelier.tasks.data.pipeline.Batch;
import dev.sommelier.tasks.data.pipeline.BatchPipeline;
import dev.sommelier.tasks.data.pipeline.EpochBatches;
import dev.sommelier.tasks.model.OutputKind;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Feeds a {@link BatchPipeline} (decoding and augmentation on worker threads, ahead of the step) to
 * the trainer, turning its labels into targets as the model's {@link OutputKind} encodes them.
 */
public final class PipelineBatchSource implements BatchSource {

  private final BatchPipeline pipeline;
  private final int samples;
  private final OutputKind output;

  /**
   * A source that is repeatable (its features may be cached) exactly when {@code pipeline} does
   * not augment.
   *
   * @param samples number of samples the pipeline serves per epoch
   * @param output what the model's output is: how labels become targets
   */
  public PipelineBatchSource(BatchPipeline pipeline, int samples, OutputKind output) {
    this.pipeline = pipeline;
    this.samples = samples;
    this.output = output;
  }

  @Override
  public int[] order(int epoch) {
    return pipeline.order(epoch);
  }

  @Override
  public Iterable<LabeledBatch> batches(int[] order) {
    return () -> new Adapter(pipeline.batches(order, 0));
  }

  @Override
  public Iterable<LabeledBatch> plainBatches(int[] order) {
    return () -> new Adapter(pipeline.plainBatches(order));
  }

  @Override
  public Iterable<LabeledBatch> epoch(int epoch) {
    return () -> new Adapter(pipeline.epoch(epoch));
  }

  @Override
  public int size() {
    return samples;
  }

  @Override
  public int batchSize() {
    return pipeline.batchSize();
  }

  @Override
  public boolean repeatable() {
    return !pipeline.augments();
  }

  private LabeledBatch convert(Batch b) {
    return new LabeledBatch(b.pixels(), b.size(), output.targets(b));
  }

  /** Iterates an epoch's batches and closes them when exhausted. */
  private final class Adapter implements Iterator<LabeledBatch> {
    private final EpochBatches batches;

    Adapter(EpochBatches batches) {
      this.batches = batches;
    }

    @Override
    public boolean hasNext() {
      boolean more = batches.hasNext();
      if (!more) {
        batches.close();
      }
      return more;
    }

    @Override
    public LabeledBatch next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return convert(batches.next());
    }
  }
}
