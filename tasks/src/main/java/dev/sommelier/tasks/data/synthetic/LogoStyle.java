package dev.sommelier.tasks.data.synthetic;

/**
 * How a {@link LogoImages} picture is composed: how large the logo is and how many distractor
 * marks (strokes, bars, arcs, dots, flat ellipses: never one of the class glyphs) are scattered
 * around it in the logos' own colours.
 *
 * @param minRadius smallest logo radius as a fraction of the image side
 * @param maxRadius largest logo radius as a fraction of the image side
 * @param distractors distractor marks per image, placed outside the logo's circle
 */
public record LogoStyle(double minRadius, double maxRadius, int distractors) {

  /** A logo of radius 10-13% of the side on a clean body: the original logo data. */
  public static final LogoStyle PLAIN = new LogoStyle(0.10, 0.13, 0);

  /**
   * A logo about a seventh of the side across (radius 6.5-8%) beside two distractor marks: too
   * hard to learn from 80 images a class from scratch, while ImageNet features separate the
   * classes (measured on seven classes at 224 pixels: a linear classifier on MobileNetV1 0.25's
   * pooled features reaches about 0.76 test accuracy; eight distractors bring it to 0.55).
   */
  public static final LogoStyle CLUTTERED = new LogoStyle(0.065, 0.08, 2);

  /** Checks the sizes and the count. */
  public LogoStyle {
    if (!(minRadius > 0) || !(maxRadius >= minRadius) || maxRadius > 0.2) {
      throw new IllegalArgumentException("need 0 < minRadius <= maxRadius <= 0.2, got "
          + minRadius + " and " + maxRadius);
    }
    if (distractors < 0) {
      throw new IllegalArgumentException("distractors must be >= 0, got " + distractors);
    }
  }
}
