package dev.sommelier.tasks.data.check;

import dev.sommelier.tasks.data.DataSet;
import dev.sommelier.tasks.data.ImageDecodeException;
import dev.sommelier.tasks.data.Sample;
import dev.sommelier.tasks.data.SkippedSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes every sample's image once, on worker threads, and sorts the samples into those that
 * decode and those that do not (empty, truncated, corrupt, not an image at all), so that a data
 * set is split, summarised and counted by the images it really has. A long check logs its progress
 * every {@value #PROGRESS_SECONDS} s; at the end one line says how many images decoded and how
 * long it took, and the first {@value #NAMED} files left out are named at WARN.
 *
 * <p>The result does not depend on the number of threads: both lists keep the data set's order.
 * The cost is one decode per file: on a busy 2-core machine 1,000 JPEGs of 224x224 took 2.1 to
 * 2.6 s, a 9-megapixel JPEG 0.2 to 0.3 s.
 */
public final class ImageCheck {

  /** Seconds between two progress lines of a long check. */
  static final long PROGRESS_SECONDS = 10;
  /** Files left out that the log names one by one; the rest are counted. */
  static final int NAMED = 10;

  private static final Logger LOG = LoggerFactory.getLogger(ImageCheck.class);

  private ImageCheck() {}

  /**
   * Decodes every image of {@code data} on {@code threads} threads.
   *
   * @throws IllegalStateException when interrupted, or when loading a sample fails otherwise than
   *     by an {@link ImageDecodeException} (a bug in its image source)
   */
  public static CheckedData check(DataSet data, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    List<Sample> samples = data.samples();
    int n = samples.size();
    String[] reasons = new String[n];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    int workers = Math.max(1, Math.min(threads, n));
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "sommelier-image-check");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        running.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < n && !Thread.currentThread().isInterrupted();
              i = next.getAndIncrement()) {
            reasons[i] = reason(samples.get(i));
            if (reasons[i] != null) {
              failed.incrementAndGet();
            }
            done.incrementAndGet();
          }
        }));
      }
      pool.shutdown();
      while (!pool.awaitTermination(PROGRESS_SECONDS, TimeUnit.SECONDS)) {
        LOG.info("checking images: {} of {} decoded ({} %), {} unreadable so far", done.get(), n,
            100 * done.get() / n, failed.get());
      }
      for (Future<?> f : running) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking the images", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("checking the images failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    CheckedData checked = sort(data, reasons);
    log(checked, workers, (System.nanoTime() - start) / 1e9);
    return checked;
  }

  private static String reason(Sample sample) {
    try {
      sample.image().load();
      return null;
    } catch (ImageDecodeException e) {
      return e.reason();
    }
  }

  private static CheckedData sort(DataSet data, String[] reasons) {
    List<Sample> usable = new ArrayList<>();
    List<SkippedSample> skipped = new ArrayList<>();
    for (int i = 0; i < reasons.length; i++) {
      Sample s = data.samples().get(i);
      if (reasons[i] == null) {
        usable.add(s);
      } else {
        skipped.add(new SkippedSample(s, reasons[i]));
      }
    }
    return new CheckedData(data.withSamples(usable), skipped);
  }

  private static void log(CheckedData checked, int threads, double seconds) {
    List<SkippedSample> skipped = checked.skipped();
    LOG.info("checked {} images in {} s on {} thread(s): {} decode, {} cannot be decoded and are"
            + " left out", checked.found(), String.format(Locale.ROOT, "%.1f", seconds), threads,
        checked.usable().size(), skipped.size());
    for (SkippedSample s : skipped.subList(0, Math.min(NAMED, skipped.size()))) {
      LOG.warn("left out {}: {}", s.id(), s.reason());
    }
    if (skipped.size() > NAMED) {
      LOG.warn("left out {} more images that cannot be decoded", skipped.size() - NAMED);
    }
  }
}
