package dev.sommelier.tasks.data.pipeline;

import java.util.List;

/**
 * One batch: {@code size} images as float NHWC ({@code size * height * width * 3} values, after the
 * pipeline's preprocessing) and their labels and ids, in the same order.
 *
 * @param pixels the images, row-major, RGB interleaved (or as the preprocessing left them)
 * @param size images in the batch (the last batch of an epoch may be short)
 * @param height rows per image
 * @param width columns per image
 * @param classIndices class index per image, {@code -1} where a sample has none
 * @param values value per image, {@code NaN} where a sample has none
 * @param ids sample ids
 * @param labels label indices per image (empty unless multi-label)
 */
public record Batch(float[] pixels, int size, int height, int width, int[] classIndices,
    float[] values, List<String> ids, List<List<Integer>> labels) {

  /** Checks that every array has {@code size} entries (pixels: per image). */
  public Batch {
    if (pixels.length != (long) size * height * width * 3 || classIndices.length != size
        || values.length != size || ids.size() != size || labels.size() != size) {
      throw new IllegalArgumentException("batch arrays disagree with size " + size);
    }
    ids = List.copyOf(ids);
    labels = List.copyOf(labels);
  }
}
