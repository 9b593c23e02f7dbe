package dev.sommelier.tasks.data.augment;

/**
 * Which augmentations run and how strongly: each operation has a probability (0 = never, the
 * default) and a range from which its strength is drawn uniformly. Start from {@link #NONE} (or
 * {@link #all(double)}) and change operations with the withers:
 *
 * <pre>{@code
 * AugmentationConfig a = AugmentationConfig.NONE.withHorizontalFlip(0.5).withBrightness(0.3);
 * }</pre>
 *
 * @param brightness a shift of all pixels
 * @param contrast a scaling of every channel about its mean
 * @param saltPepper pixels set to black or white
 * @param cutout a rectangle filled with the image's mean colour
 * @param affine rotation, shift, zoom and shear, sampled bilinearly with a constant fill
 * @param horizontalFlip probability of mirroring left to right
 * @param verticalFlip probability of mirroring top to bottom
 */
public record AugmentationConfig(Brightness brightness, Contrast contrast, SaltPepper saltPepper,
    Cutout cutout, Affine affine, double horizontalFlip, double verticalFlip) {

  /**
   * Adds {@code delta * 255} to every channel, {@code delta} uniform in {@code [-maxDelta,
   * maxDelta]}, then clips to [0, 255].
   */
  public record Brightness(double probability, double maxDelta) {
    /** Checks the ranges. */
    public Brightness {
      checkProbability(probability);
      checkRange("brightness maxDelta", maxDelta, 0, 1);
    }
  }

  /**
   * Scales every channel about its mean by a factor uniform in {@code [1 - maxChange, 1 +
   * maxChange]}, then clips to [0, 255].
   */
  public record Contrast(double probability, double maxChange) {
    /** Checks the ranges. */
    public Contrast {
      checkProbability(probability);
      checkRange("contrast maxChange", maxChange, 0, 1);
    }
  }

  /** Sets a fraction uniform in {@code [0, maxFraction]} of the pixels to black or white. */
  public record SaltPepper(double probability, double maxFraction) {
    /** Checks the ranges. */
    public SaltPepper {
      checkProbability(probability);
      checkRange("salt-and-pepper maxFraction", maxFraction, 0, 1);
    }
  }

  /**
   * Fills one rectangle with the image's mean colour; its width and height are fractions of the
   * image's, each uniform in {@code [minSize, maxSize]}; its centre is anywhere in the image (the
   * rectangle may be clipped by the border).
   */
  public record Cutout(double probability, double minSize, double maxSize) {
    /** Checks the ranges. */
    public Cutout {
      checkProbability(probability);
      checkRange("cutout minSize", minSize, 0, 1);
      checkRange("cutout maxSize", maxSize, minSize, 1);
    }
  }

  /**
   * An affine deformation about the image centre: rotation uniform in {@code ±maxRotation}
   * degrees, shear in {@code ±maxShear} degrees, zoom per axis uniform in {@code [1 - maxZoom, 1 +
   * maxZoom]}, shift per axis in {@code ±maxShift} of the image size. Sampled bilinearly; pixels
   * from outside the image get {@code fill} (in [0, 255]).
   */
  public record Affine(double probability, double maxRotation, double maxShift, double maxZoom,
      double maxShear, float fill) {
    /** Checks the ranges. */
    public Affine {
      checkProbability(probability);
      checkRange("affine maxRotation", maxRotation, 0, 180);
      checkRange("affine maxShift", maxShift, 0, 1);
      checkRange("affine maxZoom", maxZoom, 0, 0.9);
      checkRange("affine maxShear", maxShear, 0, 60);
      checkRange("affine fill", fill, 0, 255);
    }
  }

  /** Every operation off, with the default ranges. */
  public static final AugmentationConfig NONE = new AugmentationConfig(
      new Brightness(0, 0.2), new Contrast(0, 0.3), new SaltPepper(0, 0.02),
      new Cutout(0, 0.1, 0.4), new Affine(0, 15, 0.1, 0.15, 10, 0f), 0, 0);

  /** Checks the flip probabilities. */
  public AugmentationConfig {
    checkProbability(horizontalFlip);
    checkProbability(verticalFlip);
  }

  /** Every operation at probability {@code p}, with the default ranges. */
  public static AugmentationConfig all(double p) {
    return NONE.withBrightness(p).withContrast(p).withSaltPepper(p).withCutout(p).withAffine(p)
        .withHorizontalFlip(p).withVerticalFlip(p);
  }

  /** Whether no operation can run. */
  public boolean isNone() {
    return brightness.probability() == 0 && contrast.probability() == 0
        && saltPepper.probability() == 0 && cutout.probability() == 0
        && affine.probability() == 0 && horizontalFlip == 0 && verticalFlip == 0;
  }

  /** This config with brightness {@code b}. */
  public AugmentationConfig withBrightness(Brightness b) {
    return new AugmentationConfig(b, contrast, saltPepper, cutout, affine, horizontalFlip,
        verticalFlip);
  }

  /** This config with brightness at probability {@code p}, range unchanged. */
  public AugmentationConfig withBrightness(double p) {
    return withBrightness(new Brightness(p, brightness.maxDelta()));
  }

  /** This config with contrast {@code c}. */
  public AugmentationConfig withContrast(Contrast c) {
    return new AugmentationConfig(brightness, c, saltPepper, cutout, affine, horizontalFlip,
        verticalFlip);
  }

  /** This config with contrast at probability {@code p}, range unchanged. */
  public AugmentationConfig withContrast(double p) {
    return withContrast(new Contrast(p, contrast.maxChange()));
  }

  /** This config with salt-and-pepper noise {@code s}. */
  public AugmentationConfig withSaltPepper(SaltPepper s) {
    return new AugmentationConfig(brightness, contrast, s, cutout, affine, horizontalFlip,
        verticalFlip);
  }

  /** This config with salt-and-pepper noise at probability {@code p}, range unchanged. */
  public AugmentationConfig withSaltPepper(double p) {
    return withSaltPepper(new SaltPepper(p, saltPepper.maxFraction()));
  }

  /** This config with cutout {@code c}. */
  public AugmentationConfig withCutout(Cutout c) {
    return new AugmentationConfig(brightness, contrast, saltPepper, c, affine, horizontalFlip,
        verticalFlip);
  }

  /** This config with cutout at probability {@code p}, sizes unchanged. */
  public AugmentationConfig withCutout(double p) {
    return withCutout(new Cutout(p, cutout.minSize(), cutout.maxSize()));
  }

  /** This config with affine deformation {@code a}. */
  public AugmentationConfig withAffine(Affine a) {
    return new AugmentationConfig(brightness, contrast, saltPepper, cutout, a, horizontalFlip,
        verticalFlip);
  }

  /** This config with affine deformation at probability {@code p}, ranges unchanged. */
  public AugmentationConfig withAffine(double p) {
    return withAffine(new Affine(p, affine.maxRotation(), affine.maxShift(), affine.maxZoom(),
        affine.maxShear(), affine.fill()));
  }

  /** This config with left-right mirroring at probability {@code p}. */
  public AugmentationConfig withHorizontalFlip(double p) {
    return new AugmentationConfig(brightness, contrast, saltPepper, cutout, affine, p,
        verticalFlip);
  }

  /** This config with top-bottom mirroring at probability {@code p}. */
  public AugmentationConfig withVerticalFlip(double p) {
    return new AugmentationConfig(brightness, contrast, saltPepper, cutout, affine,
        horizontalFlip, p);
  }

  private static void checkProbability(double p) {
    checkRange("probability", p, 0, 1);
  }

  private static void checkRange(String what, double v, double min, double max) {
    if (!(v >= min && v <= max)) {
      throw new IllegalArgumentException(what + " must be in [" + min + ", " + max + "], got " + v);
    }
  }
}
