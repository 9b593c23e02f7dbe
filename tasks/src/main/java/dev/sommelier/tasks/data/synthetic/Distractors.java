package dev.sommelier.tasks.data.synthetic;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.Random;

/**
 * Clutter for {@link LogoImages}: marks somewhat smaller than the logo (40-70% of its radius) and
 * in its colours that are none of the {@link Glyph}s (a stroke, a long bar, an open arc, a row of
 * dots, a flat ellipse), at random places and angles outside a keep-out rectangle around the logo.
 */
final class Distractors {

  private static final int KINDS = 5;
  private static final int TRIES = 10;

  private Distractors() {}

  /**
   * Draws {@code count} marks for a logo of radius {@code r} on {@code g} (an image of side {@code
   * size}), each in a colour of {@code palette} and clear of {@code keepOut}; a mark that finds no
   * free place in a few tries is left out.
   */
  static void draw(Graphics2D g, int size, double r, Rectangle2D keepOut, Color[] palette,
      int count, Random random) {
    for (int i = 0; i < count; i++) {
      Shape mark = mark(random.nextInt(KINDS), r * (0.4 + 0.3 * random.nextDouble()), size,
          random);
      Color colour = palette[random.nextInt(palette.length)];
      for (int t = 0; t < TRIES; t++) {
        AffineTransform at = AffineTransform.getTranslateInstance(
            random.nextDouble() * size, random.nextDouble() * size);
        at.rotate(random.nextDouble() * Math.PI);
        Shape placed = at.createTransformedShape(mark);
        if (!placed.getBounds2D().intersects(keepOut)) {
          g.setColor(colour);
          g.fill(placed);
          break;
        }
      }
    }
  }

  /** A mark of kind {@code kind} and half-length {@code s}, centred on the origin. */
  private static Shape mark(int kind, double s, int size, Random random) {
    float line = (float) Math.max(1.5, size / 90.0);
    return switch (kind) {
      case 0 -> new BasicStroke(line).createStrokedShape(new Line2D.Double(-s, 0, s, 0));
      case 1 -> new Rectangle2D.Double(-s, -0.2 * s, 2 * s, 0.4 * s);
      case 2 -> new BasicStroke((float) Math.max(line, 0.25 * s)).createStrokedShape(
          new Arc2D.Double(-s, -s, 2 * s, 2 * s, 0, 90 + 110 * random.nextDouble(), Arc2D.OPEN));
      case 3 -> {
        Area dots = new Area();
        double d = 0.18 * s;
        for (int k = -1; k <= 1; k++) {
          dots.add(new Area(new Ellipse2D.Double(k * 0.7 * s - d, -d, 2 * d, 2 * d)));
        }
        yield dots;
      }
      default -> new Ellipse2D.Double(-s, -0.3 * s, 2 * s, 0.6 * s);
    };
  }
}
