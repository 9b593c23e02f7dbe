package dev.sommelier.tasks.data.synthetic;

/**
 * How a {@link LogoImages} picture is composed: how large the logo is and how many distractor
 * marks (strokes, bars, arcs, dots, elongated ellipses: never one of the class glyphs) are
 * scattered around it in the logos' own colours.
 *
 * @param minRadius smallest logo radius as a fraction of the image side
 * @param maxRadius largest logo radius as a fraction of the image side
 * @param distractors distractor marks per image, placed outside the logo's circle
 */
public record LogoStyle(double minRadius, double maxRadius, int distractors) {

  /** A logo of radius 10-13% of the side on a clean body: the original logo data. */
  public static final LogoStyle PLAIN = new LogoStyle(0.10, 0.13, 0);

  /**
   * A logo about a seventh of the side across (radius 6.5-8%) among eight distractor marks: hard
   * to learn from a few images per class, easy for features that already know shapes.
   */
  public static final LogoStyle CLUTTERED = new LogoStyle(0.065, 0.08, 8);

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
