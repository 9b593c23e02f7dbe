package dev.sommelier.tasks.data.pipeline;

import dev.sommelier.tasks.data.ImageDecodeException;
import dev.sommelier.tasks.data.ImageResizer;
import dev.sommelier.tasks.data.NaturalOrder;
import dev.sommelier.tasks.data.RgbImage;
import dev.sommelier.tasks.data.Sample;
import dev.sommelier.tasks.data.SkippedSample;
import dev.sommelier.tasks.data.augment.Augmenter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work on one sample, run on a worker thread: decode, resize to the output size, augment,
 * preprocess. An image that cannot be decoded is skipped: logged once at WARN, remembered (later
 * epochs skip it without trying again) and listed with the reason by {@link #skipped()}. With
 * caching on, the resized image is kept as bytes, and every epoch (the first too) starts from
 * those bytes.
 */
final class SampleLoader {

  private static final Logger LOG = LoggerFactory.getLogger(SampleLoader.class);

  private final List<Sample> samples;
  private final int height;
  private final int width;
  private final Augmenter augmenter;
  private final Consumer<float[]> preprocessing;
  private final AtomicReferenceArray<byte[]> cache;
  private final Map<Integer, SkippedSample> failed = new ConcurrentHashMap<>();

  /**
   * @param augmenter the augmentation, or null for none
   * @param cache whether to keep resized images in memory
   */
  SampleLoader(List<Sample> samples, int height, int width, Augmenter augmenter,
      Consumer<float[]> preprocessing, boolean cache) {
    this.samples = samples;
    this.height = height;
    this.width = width;
    this.augmenter = augmenter;
    this.preprocessing = preprocessing;
    this.cache = cache ? new AtomicReferenceArray<>(samples.size()) : null;
  }

  /**
   * The ready image of sample {@code index}, {@code height * width * 3} floats, or null when it is
   * skipped.
   *
   * @param augmentationSeed seeds this sample's augmentation in this epoch
   */
  float[] load(int index, long augmentationSeed) {
    float[] pixels = resized(index);
    if (pixels == null) {
      return null;
    }
    augment(pixels, augmentationSeed);
    preprocessing.accept(pixels);
    return pixels;
  }

  /** Sample {@code index} decoded, resized and preprocessed, not augmented; null when skipped. */
  float[] loadPlain(int index) {
    float[] pixels = resized(index);
    if (pixels != null) {
      preprocessing.accept(pixels);
    }
    return pixels;
  }

  /**
   * Sample {@code index} decoded and resized, in [0, 255], neither augmented nor preprocessed; null
   * when it is skipped.
   */
  float[] resized(int index) {
    if (failed.containsKey(index)) {
      return null;
    }
    float[] pixels = new float[height * width * 3];
    try {
      if (cache == null) {
        ImageResizer.resize(samples.get(index).image().load(), height, width, pixels, 0);
      } else {
        ImageResizer.toFloats(cached(index), pixels, 0);
      }
    } catch (ImageDecodeException e) {
      if (failed.putIfAbsent(index, new SkippedSample(samples.get(index), e.reason())) == null) {
        LOG.warn("skipping image {}: {}", samples.get(index).id(), e.reason());
      }
      return null;
    }
    return pixels;
  }

  /** Augments resized pixels in place as the sample whose augmentation seed is {@code seed}. */
  void augment(float[] pixels, long seed) {
    if (augmenter != null) {
      augmenter.apply(pixels, 0, height, width, new Random(seed));
    }
  }

  /** Whether images are augmented. */
  boolean augments() {
    return augmenter != null;
  }

  private byte[] cached(int index) throws ImageDecodeException {
    byte[] bytes = cache.get(index);
    if (bytes == null) {
      RgbImage image = samples.get(index).image().load();
      bytes = ImageResizer.resizeToBytes(image, height, width).rgb();
      cache.set(index, bytes);
    }
    return bytes;
  }

  /** The samples skipped so far, in natural order of their ids. */
  List<SkippedSample> skipped() {
    return failed.values().stream()
        .sorted(Comparator.comparing(SkippedSample::id, NaturalOrder.INSTANCE)).toList();
  }
}
