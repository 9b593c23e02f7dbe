package dev.sommelier.tasks.data.augment;

import java.awt.geom.AffineTransform;
import java.awt.geom.NoninvertibleTransformException;
import java.util.Random;

/**
 * The affine deformation: a random transform about the image centre (composed and inverted with
 * {@link AffineTransform}), applied by inverse mapping with bilinear sampling; a tap outside the
 * image reads the constant fill.
 */
final class AffineWarp {

  private AffineWarp() {}

  /** Draws a transform from {@code a}'s ranges and warps the image in place. */
  static void apply(float[] img, int offset, int height, int width, AugmentationConfig.Affine a,
      Random random) {
    double rotation = Math.toRadians(symmetric(random, a.maxRotation()));
    double shear = Math.toRadians(symmetric(random, a.maxShear()));
    double zoomX = 1 + symmetric(random, a.maxZoom());
    double zoomY = 1 + symmetric(random, a.maxZoom());
    double shiftX = symmetric(random, a.maxShift()) * width;
    double shiftY = symmetric(random, a.maxShift()) * height;
    AffineTransform forward = new AffineTransform();
    forward.translate(width / 2.0 + shiftX, height / 2.0 + shiftY);
    forward.rotate(rotation);
    forward.shear(Math.tan(shear), 0);
    forward.scale(zoomX, zoomY);
    forward.translate(-width / 2.0, -height / 2.0);
    try {
      warp(img, offset, height, width, forward.createInverse(), a.fill());
    } catch (NoninvertibleTransformException e) {
      throw new IllegalStateException("zoom range keeps the transform invertible", e);
    }
  }

  /** Output pixel centre (x + .5, y + .5) reads the input at {@code inverse} of it, bilinearly. */
  static void warp(float[] img, int offset, int height, int width, AffineTransform inverse,
      float fill) {
    float[] src = new float[height * width * 3];
    System.arraycopy(img, offset, src, 0, src.length);
    double[] m = new double[6];
    inverse.getMatrix(m);
    for (int y = 0; y < height; y++) {
      double cy = y + 0.5;
      double sx = m[0] * 0.5 + m[2] * cy + m[4] - 0.5;
      double sy = m[1] * 0.5 + m[3] * cy + m[5] - 0.5;
      int o = offset + y * width * 3;
      for (int x = 0; x < width; x++, o += 3, sx += m[0], sy += m[1]) {
        int x0 = floor(sx);
        int y0 = floor(sy);
        float fx = (float) (sx - x0);
        float fy = (float) (sy - y0);
        if (x0 >= 0 && y0 >= 0 && x0 < width - 1 && y0 < height - 1) {
          int i = (y0 * width + x0) * 3;
          int below = i + width * 3;
          float w00 = (1 - fx) * (1 - fy);
          float w01 = fx * (1 - fy);
          float w10 = (1 - fx) * fy;
          float w11 = fx * fy;
          img[o] = w00 * src[i] + w01 * src[i + 3] + w10 * src[below] + w11 * src[below + 3];
          img[o + 1] = w00 * src[i + 1] + w01 * src[i + 4] + w10 * src[below + 1]
              + w11 * src[below + 4];
          img[o + 2] = w00 * src[i + 2] + w01 * src[i + 5] + w10 * src[below + 2]
              + w11 * src[below + 5];
        } else {
          for (int c = 0; c < 3; c++) {
            float top = lerp(tap(src, height, width, x0, y0, c, fill),
                tap(src, height, width, x0 + 1, y0, c, fill), fx);
            float bottom = lerp(tap(src, height, width, x0, y0 + 1, c, fill),
                tap(src, height, width, x0 + 1, y0 + 1, c, fill), fx);
            img[o + c] = lerp(top, bottom, fy);
          }
        }
      }
    }
  }

  /** Floor of a coordinate well inside the int range; cheaper than {@code Math.floor}. */
  private static int floor(double v) {
    int i = (int) v;
    return v < i ? i - 1 : i;
  }

  private static float tap(float[] src, int height, int width, int x, int y, int c, float fill) {
    return x < 0 || y < 0 || x >= width || y >= height ? fill : src[(y * width + x) * 3 + c];
  }

  /** {@code a} exactly when {@code t} is 0, so that an identity warp copies exactly. */
  private static float lerp(float a, float b, float t) {
    return t == 0f ? a : a + (b - a) * t;
  }

  private static double symmetric(Random random, double max) {
    return (random.nextDouble() * 2 - 1) * max;
  }
}
