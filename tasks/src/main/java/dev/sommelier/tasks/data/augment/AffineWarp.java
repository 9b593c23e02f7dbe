package dev.sommelier.tasks.data.augment;

import java.awt.geom.AffineTransform;
import java.awt.geom.NoninvertibleTransformException;
import java.util.Random;

/**
 * The affine deformation: a random transform about the image centre (composed and inverted with
 * {@link AffineTransform}), applied by inverse mapping with bilinear sampling. A tap outside the
 * image reads the nearest border pixel (edge fill), so a photo's border is stretched outwards
 * instead of framed in black. At strength {@code s}: rotation uniform in {@code ±s * 30} degrees,
 * shift per axis in {@code ±s * 20 %} of the side, zoom per axis in {@code 1 ± s * 0.2}, shear in
 * {@code ±s * 10} degrees.
 */
final class AffineWarp {

  static final double MAX_ROTATION_DEGREES = 30;
  static final double MAX_SHIFT = 0.2;
  static final double MAX_ZOOM = 0.2;
  static final double MAX_SHEAR_DEGREES = 10;

  private AffineWarp() {}

  /** Draws a transform at {@code strength} and warps the image in place. */
  static void apply(float[] img, int offset, int height, int width, double strength,
      Random random) {
    double rotation = Math.toRadians(Pixels.symmetric(random, strength * MAX_ROTATION_DEGREES));
    double shear = Math.toRadians(Pixels.symmetric(random, strength * MAX_SHEAR_DEGREES));
    double zoomX = 1 + Pixels.symmetric(random, strength * MAX_ZOOM);
    double zoomY = 1 + Pixels.symmetric(random, strength * MAX_ZOOM);
    double shiftX = Pixels.symmetric(random, strength * MAX_SHIFT) * width;
    double shiftY = Pixels.symmetric(random, strength * MAX_SHIFT) * height;
    AffineTransform forward = new AffineTransform();
    forward.translate(width / 2.0 + shiftX, height / 2.0 + shiftY);
    forward.rotate(rotation);
    forward.shear(Math.tan(shear), 0);
    forward.scale(zoomX, zoomY);
    forward.translate(-width / 2.0, -height / 2.0);
    try {
      warp(img, offset, height, width, forward.createInverse());
    } catch (NoninvertibleTransformException e) {
      throw new IllegalStateException("zoom of at least 0.8 keeps the transform invertible", e);
    }
  }

  static String describe(double strength) {
    return "rotated by up to ±" + Pixels.number(strength * MAX_ROTATION_DEGREES) + "°, shifted by"
        + " up to ±" + Pixels.percent(strength * MAX_SHIFT) + " % and zoomed by up to ±"
        + Pixels.percent(strength * MAX_ZOOM) + " % per axis, sheared by up to ±"
        + Pixels.number(strength * MAX_SHEAR_DEGREES) + "°; border pixels repeated outwards";
  }

  /** Output pixel centre (x + .5, y + .5) reads the input at {@code inverse} of it, bilinearly. */
  static void warp(float[] img, int offset, int height, int width, AffineTransform inverse) {
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
            float top = lerp(tap(src, height, width, x0, y0, c),
                tap(src, height, width, x0 + 1, y0, c), fx);
            float bottom = lerp(tap(src, height, width, x0, y0 + 1, c),
                tap(src, height, width, x0 + 1, y0 + 1, c), fx);
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

  /** Channel {@code c} of pixel ({@code x}, {@code y}), clamped into the image: edge fill. */
  private static float tap(float[] src, int height, int width, int x, int y, int c) {
    int cx = Math.min(width - 1, Math.max(0, x));
    int cy = Math.min(height - 1, Math.max(0, y));
    return src[(cy * width + cx) * 3 + c];
  }

  /** {@code a} exactly when {@code t} is 0, so that an identity warp copies exactly. */
  private static float lerp(float a, float b, float t) {
    return t == 0f ? a : a + (b - a) * t;
  }
}
