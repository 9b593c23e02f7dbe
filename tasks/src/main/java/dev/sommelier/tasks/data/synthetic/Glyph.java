package dev.sommelier.tasks.data.synthetic;

import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;

/** Simple filled shapes, each drawn inside a circle of a given centre and radius. */
public enum Glyph {
  /** A disc. */
  CIRCLE,
  /** An axis-aligned square. */
  SQUARE,
  /** A triangle pointing up. */
  TRIANGLE,
  /** A plus sign. */
  CROSS,
  /** An annulus. */
  RING,
  /** A square standing on a corner. */
  DIAMOND,
  /** A five-pointed star. */
  STAR,
  /** A hexagon. */
  HEXAGON;

  /** The shape's name in lower case, used as its class name. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The first {@code k} glyphs. */
  public static List<Glyph> first(int k) {
    if (k < 1 || k > values().length) {
      throw new IllegalArgumentException(
          "between 1 and " + values().length + " glyphs, asked " + k);
    }
    return List.of(values()).subList(0, k);
  }

  /** The shape centred on ({@code cx}, {@code cy}) within radius {@code r}. */
  public Shape shape(double cx, double cy, double r) {
    return switch (this) {
      case CIRCLE -> new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
      case SQUARE -> new Rectangle2D.Double(cx - 0.75 * r, cy - 0.75 * r, 1.5 * r, 1.5 * r);
      case TRIANGLE -> polygon(cx, cy, r, 3, -Math.PI / 2, 1);
      case CROSS -> {
        Area a = new Area(new Rectangle2D.Double(cx - r, cy - 0.3 * r, 2 * r, 0.6 * r));
        a.add(new Area(new Rectangle2D.Double(cx - 0.3 * r, cy - r, 0.6 * r, 2 * r)));
        yield a;
      }
      case RING -> {
        Area a = new Area(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
        a.subtract(new Area(new Ellipse2D.Double(cx - 0.55 * r, cy - 0.55 * r, 1.1 * r, 1.1 * r)));
        yield a;
      }
      case DIAMOND -> polygon(cx, cy, r, 4, -Math.PI / 2, 1);
      case STAR -> polygon(cx, cy, r, 10, -Math.PI / 2, 0.45);
      case HEXAGON -> polygon(cx, cy, r, 6, 0, 1);
    };
  }

  /** A regular polygon of {@code n} corners; every other corner at {@code inner * r} (stars). */
  private static Shape polygon(double cx, double cy, double r, int n, double start, double inner) {
    Path2D.Double p = new Path2D.Double();
    for (int i = 0; i < n; i++) {
      double a = start + 2 * Math.PI * i / n;
      double radius = i % 2 == 1 ? inner * r : r;
      double x = cx + radius * Math.cos(a);
      double y = cy + radius * Math.sin(a);
      if (i == 0) {
        p.moveTo(x, y);
      } else {
        p.lineTo(x, y);
      }
    }
    p.closePath();
    return p;
  }
}
