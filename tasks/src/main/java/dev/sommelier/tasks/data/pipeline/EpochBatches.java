package dev.sommelier.tasks.data.pipeline;

import dev.sommelier.tasks.data.Sample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;

/**
 * The batches of one pass, made ahead of the consumer. An assembler thread hands the samples, in
 * the pass's order, to the worker pool at most a window ahead, takes their results back in that
 * same order, skips the ones that failed to decode, and fills batches from the rest, so the
 * batches do not depend on which worker finished first. Finished batches wait in a queue of the
 * prefetch depth. {@link #close()} (or the next pass, or closing the pipeline) stops the pass.
 */
public final class EpochBatches implements Iterator<Batch>, AutoCloseable {

  private static final Object END = new Object();

  private final List<Sample> samples;
  private final int[] order;
  private final long augmentationSeed;
  private final boolean augment;
  private final SampleLoader loader;
  private final ExecutorService workers;
  private final int batchSize;
  private final int height;
  private final int width;
  private final int window;
  private final BlockingQueue<Object> ready;
  private final Thread assembler;
  private volatile boolean closed;
  private Object next;

  /** A pass whose samples are augmented with {@code augmentationSeed} when {@code augment}. */
  EpochBatches(BatchPipeline pipeline, SampleLoader loader, ExecutorService workers, int[] order,
      long augmentationSeed, boolean augment) {
    this.samples = pipeline.samples();
    this.order = order.clone();
    this.augmentationSeed = augmentationSeed;
    this.augment = augment;
    this.loader = loader;
    this.workers = workers;
    this.batchSize = pipeline.batchSize();
    this.height = pipeline.height();
    this.width = pipeline.width();
    this.window = Math.max(batchSize, 2 * pipeline.workers());
    this.ready = new ArrayBlockingQueue<>(pipeline.prefetch());
    this.assembler = new Thread(this::assemble, "sommelier-data-assembler");
    this.assembler.setDaemon(true);
    this.assembler.start();
  }

  /** Waits for the next batch, or for the end of the pass. */
  @Override
  public boolean hasNext() {
    if (next == null) {
      if (closed) {
        return false;
      }
      try {
        next = ready.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for a batch", e);
      }
    }
    if (next instanceof Throwable t) {
      throw new IllegalStateException("the data pipeline failed: " + t, t);
    }
    return next != END;
  }

  @Override
  public Batch next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the pass has no more batches");
    }
    Batch b = (Batch) next;
    next = null;
    return b;
  }

  /** Stops the pass: the assembler ends and queued batches are dropped. Idempotent. */
  @Override
  public void close() {
    closed = true;
    assembler.interrupt();
    ready.clear();
    ready.offer(END);
  }

  private void assemble() {
    @SuppressWarnings("unchecked")
    CompletableFuture<float[]>[] pending = new CompletableFuture[order.length];
    try {
      Filling batch = new Filling();
      int submitted = 0;
      for (int p = 0; p < order.length && !closed; p++) {
        for (; submitted < order.length && submitted < p + window; submitted++) {
          int index = order[submitted];
          long seed = Seeds.sample(augmentationSeed, index);
          pending[submitted] = CompletableFuture.supplyAsync(
              () -> augment ? loader.load(index, seed) : loader.loadPlain(index), workers);
        }
        float[] pixels = pending[p].get();
        pending[p] = null;
        if (pixels != null && batch.add(order[p], pixels)) {
          ready.put(batch.finish());
          batch = new Filling();
        }
      }
      if (!closed && batch.count > 0) {
        ready.put(batch.finish());
      }
      ready.put(END);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | RuntimeException e) {
      ready.clear();
      ready.offer(e instanceof ExecutionException ? e.getCause() : e);
    } finally {
      for (CompletableFuture<float[]> f : pending) {
        if (f != null) {
          f.cancel(false);
        }
      }
    }
  }

  /** A batch being filled. */
  private final class Filling {
    private final float[] pixels = new float[batchSize * height * width * 3];
    private final int[] classes = new int[batchSize];
    private final float[] values = new float[batchSize];
    private final List<String> ids = new ArrayList<>();
    private final List<List<Integer>> labels = new ArrayList<>();
    private int count;

    /** Adds an image; true when the batch is full. */
    boolean add(int index, float[] image) {
      Sample s = samples.get(index);
      System.arraycopy(image, 0, pixels, count * image.length, image.length);
      classes[count] = s.classIndex();
      values[count] = s.value();
      ids.add(s.id());
      labels.add(s.labels());
      count++;
      return count == batchSize;
    }

    Batch finish() {
      int per = height * width * 3;
      return count == batchSize
          ? new Batch(pixels, count, height, width, classes, values, ids, labels)
          : new Batch(Arrays.copyOf(pixels, count * per), count, height, width,
              Arrays.copyOf(classes, count), Arrays.copyOf(values, count), ids, labels);
    }
  }
}
