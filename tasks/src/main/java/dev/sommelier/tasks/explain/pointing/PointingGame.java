package dev.sommelier.tasks.explain.pointing;

import java.awt.Rectangle;
import java.util.List;

/**
 * A model's pointing-game score: of the explained images that have object boxes, those whose map
 * peaks inside one of their boxes.
 *
 * @param hits images whose map's peak lies inside one of their boxes
 * @param images explained images that have boxes
 * @param rate {@code hits / images}
 */
public record PointingGame(int hits, int images, double rate) {

  /** Checks the counts and the rate. */
  public PointingGame {
    if (images < 1 || hits < 0 || hits > images) {
      throw new IllegalArgumentException("need 0 <= hits <= images and images >= 1, got " + hits
          + " of " + images);
    }
    if (rate != (double) hits / images) {
      throw new IllegalArgumentException("rate " + rate + " is not " + hits + "/" + images);
    }
  }

  /** The score of {@code hits} of {@code images} ({@code images >= 1}). */
  public static PointingGame of(int hits, int images) {
    return new PointingGame(hits, images, images == 0 ? 0 : (double) hits / images);
  }

  /**
   * Whether the peak at pixel ({@code x}, {@code y}) lies inside one of {@code boxes} (a box's
   * right and bottom edges are outside it, as {@link Rectangle#contains(int, int)} has them).
   */
  public static boolean hit(List<Rectangle> boxes, int x, int y) {
    return boxes.stream().anyMatch(b -> b.contains(x, y));
  }
}
