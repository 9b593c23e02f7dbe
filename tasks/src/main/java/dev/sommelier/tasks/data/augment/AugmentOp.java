package dev.sommelier.tasks.data.augment;

import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleFunction;

/**
 * The augmentation operations, in the order an {@link Augmenter} applies them. Each has the name
 * that augmentation specs use ({@link AugmentationConfig#parse}), and most a strength in [0, 1]
 * that scales its range; at strength 1 an operation is strong, at 0 it changes nothing.
 */
public enum AugmentOp {

  /** Mirrors left to right. */
  FLIP("flip", (img, offset, h, w, s, r) -> Flips.horizontal(img, offset, h, w),
      s -> "mirrored left to right"),
  /** Mirrors top to bottom: for pictures that have no up, such as microscopy or satellites. */
  VFLIP("vflip", (img, offset, h, w, s, r) -> Flips.vertical(img, offset, h, w),
      s -> "mirrored top to bottom"),
  /** Rotation, shift, zoom and shear about the centre, border pixels repeated outwards. */
  AFFINE("affine", 0.25, AffineWarp::apply, AffineWarp::describe),
  /** Shifts every channel by the same amount. */
  BRIGHTNESS("brightness", 0.2, Photometric::brightness, Photometric::describeBrightness),
  /** Scales every channel about its mean. */
  CONTRAST("contrast", 0.2, Photometric::contrast, Photometric::describeContrast),
  /** Fills one rectangle with the image's mean colour. */
  CUTOUT("cutout", 0.25, Cutout::apply, Cutout::describe),
  /** Sets scattered pixels to black or white. */
  SALT_PEPPER("salt-pepper", 0.2, SaltPepper::apply, SaltPepper::describe);

  /** What an operation does to one image, in place; float RGB in [0, 255], HWC. */
  @FunctionalInterface
  interface Transform {
    void apply(float[] img, int offset, int height, int width, double strength, Random random);
  }

  private final String label;
  private final double defaultStrength;
  private final Transform transform;
  private final DoubleFunction<String> description;

  /** An operation with a strength. */
  AugmentOp(String label, double defaultStrength, Transform transform,
      DoubleFunction<String> description) {
    this.label = label;
    this.defaultStrength = defaultStrength;
    this.transform = transform;
    this.description = description;
  }

  /** An operation without a strength (a flip): it is done or not. */
  AugmentOp(String label, Transform transform, DoubleFunction<String> description) {
    this(label, Double.NaN, transform, description);
  }

  /** The name in augmentation specs, e.g. {@code salt-pepper}. */
  public String label() {
    return label;
  }

  /** Whether a strength applies (flips have none). */
  public boolean hasStrength() {
    return !Double.isNaN(defaultStrength);
  }

  /** The strength used when a spec names the operation without one; 1 for a flip. */
  public double defaultStrength() {
    return hasStrength() ? defaultStrength : 1;
  }

  /** What the operation does at {@code strength}, e.g. {@code contrast scaled by 0.8 to 1.2}. */
  public String describe(double strength) {
    return description.apply(strength);
  }

  /** Applies the operation to the image at {@code img[offset ..]}. */
  void apply(float[] img, int offset, int height, int width, double strength, Random random) {
    transform.apply(img, offset, height, width, strength, random);
  }

  /** The names of every operation, in application order, comma-separated. */
  public static String labels() {
    return String.join(", ", Arrays.stream(values()).map(AugmentOp::label).toList());
  }
}
