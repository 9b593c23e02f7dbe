package dev.sommelier.tasks.data.pipeline;

import dev.sommelier.backbones.Preprocessing;
import dev.sommelier.tasks.data.Sample;
import dev.sommelier.tasks.data.SkippedSample;
import dev.sommelier.tasks.data.augment.AugmentationConfig;
import dev.sommelier.tasks.data.augment.Augmenter;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Turns samples into float batches for training or evaluation, the work done on worker threads
 * ahead of the consumer: decode, resize to {@code height x width} (see {@link
 * dev.sommelier.tasks.data.ImageResizer}), augment (training only: give validation and test
 * pipelines no augmentation), preprocess.
 *
 * <p>Deterministic: a pass's order comes from the seed and the epoch number, each sample's
 * augmentation from the seed, the epoch and the sample, and batches are assembled in pass order,
 * so the same seed gives the same batches whatever the number of workers or their timing. An
 * image that cannot be decoded is skipped (one WARN line naming it; {@link #skipped()}) and its
 * batch is filled from the next samples; only the last batch of a pass may be short. A job checks
 * its images before it splits them ({@link dev.sommelier.tasks.data.check.ImageCheck}), so there
 * a skip means a file changed after the check, and the job reports it.
 *
 * <pre>{@code
 * try (BatchPipeline pipeline = BatchPipeline.builder(train.samples(), 32, 224, 224)
 *     .preprocessing(Preprocessing.CAFFE).augmentation(AugmentationConfig.DEFAULT).seed(7)
 *     .build()) {
 *   for (int epoch = 0; epoch < epochs; epoch++) {
 *     try (EpochBatches batches = pipeline.epoch(epoch)) {
 *       while (batches.hasNext()) {
 *         Batch b = batches.next();
 *         ...
 *       }
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>One pass runs at a time: starting a pass closes the one before. Closing the pipeline stops
 * its threads.
 */
public final class BatchPipeline implements AutoCloseable {

  private final List<Sample> samples;
  private final int batchSize;
  private final int height;
  private final int width;
  private final int workers;
  private final int prefetch;
  private final long seed;
  private final boolean shuffle;
  private final SampleLoader loader;
  private final ExecutorService pool;
  private EpochBatches current;
  private boolean closed;

  private BatchPipeline(Builder b) {
    this.samples = b.samples;
    this.batchSize = b.batchSize;
    this.height = b.height;
    this.width = b.width;
    this.workers = b.workers;
    this.prefetch = b.prefetch;
    this.seed = b.seed;
    this.shuffle = b.shuffle;
    Augmenter augmenter = b.augmentation.isNone() ? null : new Augmenter(b.augmentation);
    this.loader = new SampleLoader(samples, height, width, augmenter, b.preprocessing, b.cache);
    this.pool = Executors.newFixedThreadPool(workers, daemonThreads());
  }

  /**
   * Starts a builder.
   *
   * @param samples the samples of one pass
   * @param batchSize images per batch
   * @param height output rows
   * @param width output columns
   */
  public static Builder builder(List<Sample> samples, int batchSize, int height, int width) {
    return new Builder(samples, batchSize, height, width);
  }

  /**
   * The order in which pass {@code epoch} visits the samples (indices into the samples): a
   * shuffle seeded by the seed and the epoch, or the samples' order when shuffling is off.
   */
  public int[] order(int epoch) {
    int[] order = new int[samples.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    if (shuffle) {
      Random random = new Random(Seeds.mix(seed, epoch, 1));
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }
    return order;
  }

  /** Starts pass {@code epoch} (0-based) in {@link #order(int)}, closing any pass still running. */
  public EpochBatches epoch(int epoch) {
    return batches(order(epoch), epoch);
  }

  /**
   * Starts a pass over the samples in {@code order} (indices into the samples, for example a
   * subset or a trainer's own shuffle), augmented as pass {@code epoch} is; closes any pass still
   * running.
   */
  public EpochBatches batches(int[] order, int epoch) {
    return start(order, epoch, true);
  }

  /**
   * Starts a pass over the samples in {@code order} as they are loaded, never augmented (for
   * statistics that must not depend on augmentation, such as recalibrating batch norm); closes any
   * pass still running.
   */
  public EpochBatches plainBatches(int[] order) {
    return start(order, 0, false);
  }

  private synchronized EpochBatches start(int[] order, int epoch, boolean augment) {
    if (closed) {
      throw new IllegalStateException("the pipeline is closed");
    }
    for (int i : order) {
      if (i < 0 || i >= samples.size()) {
        throw new IllegalArgumentException("sample index " + i + " outside 0.." + samples.size());
      }
    }
    if (current != null) {
      current.close();
    }
    current = new EpochBatches(this, loader, pool, order, Seeds.pass(seed, epoch), augment);
    return current;
  }

  /**
   * Sample {@code index} as training sees it in passes {@code 0 .. passes - 1}, for pictures of
   * the augmentation: element 0 is the image decoded and resized, element {@code e + 1} the same
   * image augmented as pass {@code e} augments it (the same seeded {@link Augmenter}); all in [0,
   * 255], before preprocessing. Runs on the calling thread.
   *
   * @return {@code passes + 1} images of {@code height * width * 3} floats, or null when the
   *     image cannot be decoded (it is then skipped as in a pass)
   */
  public float[][] augmentedViews(int index, int passes) {
    if (index < 0 || index >= samples.size()) {
      throw new IllegalArgumentException("sample index " + index + " outside 0.." + samples.size());
    }
    float[] plain = loader.resized(index);
    if (plain == null) {
      return null;
    }
    float[][] views = new float[passes + 1][];
    views[0] = plain;
    for (int e = 0; e < passes; e++) {
      views[e + 1] = plain.clone();
      loader.augment(views[e + 1], Seeds.sample(Seeds.pass(seed, e), index));
    }
    return views;
  }

  /** Whether training images are augmented (then every pass differs). */
  public boolean augments() {
    return loader.augments();
  }

  /** The samples skipped because they could not be decoded, in natural order of their ids. */
  public List<SkippedSample> skipped() {
    return loader.skipped();
  }

  /** Batches in a full pass if no sample is skipped. */
  public int batchesPerEpoch() {
    return (samples.size() + batchSize - 1) / batchSize;
  }

  List<Sample> samples() {
    return samples;
  }

  /** Images per batch. */
  public int batchSize() {
    return batchSize;
  }

  /** Output rows. */
  public int height() {
    return height;
  }

  /** Output columns. */
  public int width() {
    return width;
  }

  /** Worker threads. */
  public int workers() {
    return workers;
  }

  /** Finished batches that may wait for the consumer. */
  public int prefetch() {
    return prefetch;
  }

  /** Stops the running pass and the worker threads. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (current != null) {
      current.close();
    }
    pool.shutdownNow();
    try {
      pool.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "sommelier-data-worker-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Options of a {@link BatchPipeline}; all but the samples and sizes have defaults. */
  public static final class Builder {
    private final List<Sample> samples;
    private final int batchSize;
    private final int height;
    private final int width;
    private Consumer<float[]> preprocessing = pixels -> { };
    private AugmentationConfig augmentation = AugmentationConfig.NONE;
    private long seed;
    private boolean shuffle = true;
    private int workers = Runtime.getRuntime().availableProcessors();
    private int prefetch = 2;
    private boolean cache;

    private Builder(List<Sample> samples, int batchSize, int height, int width) {
      if (batchSize < 1 || height < 1 || width < 1) {
        throw new IllegalArgumentException("batch size and output size must be positive, got "
            + batchSize + " and " + height + "x" + width);
      }
      this.samples = List.copyOf(samples);
      this.batchSize = batchSize;
      this.height = height;
      this.width = width;
    }

    /**
     * A step that transforms one image's {@code height * width * 3} floats in place after
     * augmentation, on a worker thread (default: none, pixels stay in [0, 255]).
     */
    public Builder preprocessing(Consumer<float[]> step) {
      this.preprocessing = step;
      return this;
    }

    /** A backbone's preprocessing (Keras {@code caffe} or {@code tf}). */
    public Builder preprocessing(Preprocessing mode) {
      return preprocessing(mode::applyInPlace);
    }

    /** Augmentation, for a training pipeline (default: none). */
    public Builder augmentation(AugmentationConfig config) {
      this.augmentation = config;
      return this;
    }

    /** Seed of the shuffles and augmentations (default 0). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Whether each pass shuffles (default true; false keeps the samples' order). */
    public Builder shuffle(boolean shuffle) {
      this.shuffle = shuffle;
      return this;
    }

    /** Worker threads (default: available processors). */
    public Builder workers(int workers) {
      if (workers < 1) {
        throw new IllegalArgumentException("workers must be >= 1, got " + workers);
      }
      this.workers = workers;
      return this;
    }

    /** Finished batches kept ready ahead of the consumer (default 2). */
    public Builder prefetch(int batches) {
      if (batches < 1) {
        throw new IllegalArgumentException("prefetch must be >= 1, got " + batches);
      }
      this.prefetch = batches;
      return this;
    }

    /**
     * Whether to keep every decoded image in memory, resized and rounded to bytes ({@code height *
     * width * 3} bytes a sample), so later passes skip decoding (default false).
     */
    public Builder cacheDecoded(boolean cache) {
      this.cache = cache;
      return this;
    }

    /** Builds the pipeline and starts its worker threads. */
    public BatchPipeline build() {
      return new BatchPipeline(this);
    }
  }
}
