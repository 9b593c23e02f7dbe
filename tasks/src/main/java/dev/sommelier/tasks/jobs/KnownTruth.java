package dev.sommelier.tasks.jobs;

import java.util.List;
import java.util.Objects;

/**
 * How the images with a known true class ({@link FolderTruth}) were answered.
 *
 * @param images the images with a known class
 * @param correct those whose most probable class is the true one
 * @param accuracy {@code correct / images}
 */
public record KnownTruth(int images, int correct, double accuracy) {

  /**
   * The tally of {@code marks}, one per image (true: right, false: wrong, null: no known class), or
   * null when no image has a known class.
   */
  public static KnownTruth of(List<Boolean> marks) {
    int images = (int) marks.stream().filter(Objects::nonNull).count();
    if (images == 0) {
      return null;
    }
    int correct = (int) marks.stream().filter(Boolean.TRUE::equals).count();
    return new KnownTruth(images, correct, (double) correct / images);
  }
}
