package dev.sommelier.tasks.data.augment;

import java.util.Random;

/**
 * Cutout: one rectangle filled with the image's mean colour. Its width and height are fractions of
 * the image's, each uniform in {@code [strength / 4, strength]}; its centre is anywhere in the
 * image (the rectangle may be clipped by the border).
 */
final class Cutout {

  private Cutout() {}

  static void apply(float[] img, int offset, int height, int width, double strength,
      Random random) {
    double min = strength / 4;
    double span = strength - min;
    int w = (int) Math.round(width * (min + random.nextDouble() * span));
    int h = (int) Math.round(height * (min + random.nextDouble() * span));
    int cx = random.nextInt(width);
    int cy = random.nextInt(height);
    int x0 = Math.max(0, cx - w / 2);
    int x1 = Math.min(width, cx - w / 2 + w);
    int y0 = Math.max(0, cy - h / 2);
    int y1 = Math.min(height, cy - h / 2 + h);
    float[] mean = Pixels.channelMeans(img, offset, height * width * 3);
    for (int y = y0; y < y1; y++) {
      for (int x = x0, i = offset + (y * width + x0) * 3; x < x1; x++, i += 3) {
        img[i] = mean[0];
        img[i + 1] = mean[1];
        img[i + 2] = mean[2];
      }
    }
  }

  static String describe(double strength) {
    return "a rectangle of " + Pixels.percent(strength / 4) + " to " + Pixels.percent(strength)
        + " % of each side filled with the mean colour";
  }
}
