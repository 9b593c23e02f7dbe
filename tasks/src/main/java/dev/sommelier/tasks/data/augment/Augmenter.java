package dev.sommelier.tasks.data.augment;

import java.util.Random;

/**
 * Applies an {@link AugmentationConfig} to one image in place: float RGB in [0, 255], HWC, at
 * {@code img[offset ..]}. Operations run in a fixed order (affine, horizontal flip, vertical flip,
 * brightness, contrast, cutout, salt-and-pepper), each when {@code random.nextDouble()} falls
 * under its probability, so a {@link Random} with the same seed gives the same result. Stateless
 * and thread-safe; the pipeline gives every sample its own seeded {@code Random}.
 */
public final class Augmenter {

  private final AugmentationConfig config;

  /** An augmenter of {@code config}. */
  public Augmenter(AugmentationConfig config) {
    this.config = config;
  }

  /** Augments the {@code height x width} image at {@code img[offset ..]}. */
  public void apply(float[] img, int offset, int height, int width, Random random) {
    int n = height * width * 3;
    if (random.nextDouble() < config.affine().probability()) {
      AffineWarp.apply(img, offset, height, width, config.affine(), random);
    }
    if (random.nextDouble() < config.horizontalFlip()) {
      flipHorizontal(img, offset, height, width);
    }
    if (random.nextDouble() < config.verticalFlip()) {
      flipVertical(img, offset, height, width);
    }
    if (random.nextDouble() < config.brightness().probability()) {
      brightness(img, offset, n, random);
    }
    if (random.nextDouble() < config.contrast().probability()) {
      contrast(img, offset, n, width, random);
    }
    if (random.nextDouble() < config.cutout().probability()) {
      cutout(img, offset, height, width, random);
    }
    if (random.nextDouble() < config.saltPepper().probability()) {
      saltPepper(img, offset, height * width, random);
    }
  }

  /** Mirrors the image left to right, exactly. */
  public static void flipHorizontal(float[] img, int offset, int height, int width) {
    for (int y = 0; y < height; y++) {
      int row = offset + y * width * 3;
      for (int l = row, r = row + (width - 1) * 3; l < r; l += 3, r -= 3) {
        for (int c = 0; c < 3; c++) {
          float t = img[l + c];
          img[l + c] = img[r + c];
          img[r + c] = t;
        }
      }
    }
  }

  /** Mirrors the image top to bottom, exactly. */
  public static void flipVertical(float[] img, int offset, int height, int width) {
    int row = width * 3;
    float[] t = new float[row];
    for (int top = 0, bottom = height - 1; top < bottom; top++, bottom--) {
      int a = offset + top * row;
      int b = offset + bottom * row;
      System.arraycopy(img, a, t, 0, row);
      System.arraycopy(img, b, img, a, row);
      System.arraycopy(t, 0, img, b, row);
    }
  }

  private void brightness(float[] img, int offset, int n, Random random) {
    float delta = (float) ((random.nextDouble() * 2 - 1) * config.brightness().maxDelta() * 255);
    for (int i = offset; i < offset + n; i++) {
      img[i] += delta;
    }
    clip(img, offset, n);
  }

  private void contrast(float[] img, int offset, int n, int width, Random random) {
    float factor = (float) (1 + (random.nextDouble() * 2 - 1) * config.contrast().maxChange());
    float[] mean = channelMeans(img, offset, n);
    int row = width * 3;
    float[] shift = new float[row]; // mean * (1 - factor), per channel, repeated along a row
    for (int j = 0; j < row; j++) {
      shift[j] = mean[j % 3] * (1 - factor);
    }
    for (int o = offset; o < offset + n; o += row) {
      for (int j = 0; j < row; j++) {
        img[o + j] = img[o + j] * factor + shift[j];
      }
    }
    clip(img, offset, n); // a pass of its own: C2 vectorises the two loops, not their fusion
  }

  private void saltPepper(float[] img, int offset, int pixels, Random random) {
    int count = (int) Math.round(random.nextDouble() * config.saltPepper().maxFraction() * pixels);
    for (int k = 0; k < count; k++) {
      int p = offset + random.nextInt(pixels) * 3;
      float v = random.nextBoolean() ? 255f : 0f;
      img[p] = v;
      img[p + 1] = v;
      img[p + 2] = v;
    }
  }

  private void cutout(float[] img, int offset, int height, int width, Random random) {
    AugmentationConfig.Cutout c = config.cutout();
    double span = c.maxSize() - c.minSize();
    int w = (int) Math.round(width * (c.minSize() + random.nextDouble() * span));
    int h = (int) Math.round(height * (c.minSize() + random.nextDouble() * span));
    int cx = random.nextInt(width);
    int cy = random.nextInt(height);
    int x0 = Math.max(0, cx - w / 2);
    int x1 = Math.min(width, cx - w / 2 + w);
    int y0 = Math.max(0, cy - h / 2);
    int y1 = Math.min(height, cy - h / 2 + h);
    float[] mean = channelMeans(img, offset, height * width * 3);
    for (int y = y0; y < y1; y++) {
      for (int x = x0, i = offset + (y * width + x0) * 3; x < x1; x++, i += 3) {
        img[i] = mean[0];
        img[i + 1] = mean[1];
        img[i + 2] = mean[2];
      }
    }
  }

  private static float[] channelMeans(float[] img, int offset, int n) {
    double[] sum = new double[3];
    for (int i = offset; i < offset + n; i += 3) {
      sum[0] += img[i];
      sum[1] += img[i + 1];
      sum[2] += img[i + 2];
    }
    int pixels = n / 3;
    return new float[] {(float) (sum[0] / pixels), (float) (sum[1] / pixels),
        (float) (sum[2] / pixels)};
  }

  private static void clip(float[] img, int offset, int n) {
    for (int i = offset; i < offset + n; i++) {
      img[i] = Math.min(255f, Math.max(0f, img[i]));
    }
  }
}
