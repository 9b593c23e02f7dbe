package dev.sommelier.tasks.explain.pointing;

import java.awt.Rectangle;
import java.util.List;

/**
 * The share of a map's energy that lies inside an image's object boxes (as in Score-CAM's
 * localisation check): the sum of the map's values at pixels inside any box over the sum of all
 * its values. A map that spreads evenly scores the boxes' share of the image; one that points
 * only at the object scores 1.
 */
public final class EnergyInBox {

  private EnergyInBox() {}

  /**
   * The share for {@code map} ({@code height * width} non-negative values at image resolution,
   * row-major); NaN when the map is all 0.
   */
  public static double of(float[] map, int height, int width, List<Rectangle> boxes) {
    if (map.length != height * width) {
      throw new IllegalArgumentException("expected " + height * width + " map values for "
          + width + "x" + height + ", got " + map.length);
    }
    double inside = 0;
    double all = 0;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double v = map[y * width + x];
        all += v;
        inside += PointingGame.hit(boxes, x, y) ? v : 0;
      }
    }
    return all > 0 ? inside / all : Double.NaN;
  }
}
