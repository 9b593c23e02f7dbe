package dev.sommelier.tasks.data.augment;

import java.util.Random;

/**
 * Brightness and contrast: changes of the pixel values that leave the geometry alone, clipped to
 * [0, 255].
 */
final class Photometric {

  /** The largest brightness shift, at strength 1, as a fraction of the full scale (255). */
  static final double MAX_BRIGHTNESS = 0.5;

  private Photometric() {}

  /** Adds {@code delta} to every channel, uniform in {@code ±strength * MAX_BRIGHTNESS * 255}. */
  static void brightness(float[] img, int offset, int height, int width, double strength,
      Random random) {
    int n = height * width * 3;
    float delta = (float) (Pixels.symmetric(random, strength * MAX_BRIGHTNESS) * 255);
    for (int i = offset; i < offset + n; i++) {
      img[i] += delta;
    }
    Pixels.clip(img, offset, n);
  }

  /** Scales every channel about its mean by a factor uniform in {@code 1 ± strength}. */
  static void contrast(float[] img, int offset, int height, int width, double strength,
      Random random) {
    int n = height * width * 3;
    float factor = (float) (1 + Pixels.symmetric(random, strength));
    float[] mean = Pixels.channelMeans(img, offset, n);
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
    Pixels.clip(img, offset, n); // a pass of its own: C2 vectorises the two loops, not their fusion
  }

  static String describeBrightness(double strength) {
    return "every pixel shifted by up to ±" + Pixels.percent(strength * MAX_BRIGHTNESS)
        + " % of full scale";
  }

  static String describeContrast(double strength) {
    return "contrast scaled by " + Pixels.number(1 - strength) + " to "
        + Pixels.number(1 + strength);
  }
}
