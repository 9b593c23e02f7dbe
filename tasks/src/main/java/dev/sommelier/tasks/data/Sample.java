package dev.sommelier.tasks.data;

import java.util.List;

/**
 * One training example: an id (a path, or {@code file.bin#17} for a record inside a file), how to
 * load its image, and its label: a class index, a value, or both; or a set of labels.
 *
 * @param id stable identifier, shown in logs and carried by batches
 * @param image how the image is loaded
 * @param classIndex index into the data set's class names, or {@link #NO_CLASS}
 * @param value the regression target, or {@code NaN} for none
 * @param labels the indices of the labels a multi-label sample carries, ascending (possibly none);
 *     empty for a sample of a class or a value
 */
public record Sample(String id, ImageSource image, int classIndex, float value,
    List<Integer> labels) {

  /** The class index of a sample that has none. */
  public static final int NO_CLASS = -1;

  /** Checks the fields. */
  public Sample {
    if (id == null || image == null) {
      throw new IllegalArgumentException("a sample needs an id and an image source");
    }
    if (classIndex < NO_CLASS) {
      throw new IllegalArgumentException("class index of " + id + " is negative: " + classIndex);
    }
    labels = labels == null ? List.of() : labels.stream().sorted().distinct().toList();
    if (!labels.isEmpty() && labels.get(0) < 0) {
      throw new IllegalArgumentException("label index of " + id + " is negative: " + labels);
    }
  }

  /** A sample of class {@code classIndex}, without a value. */
  public static Sample ofClass(String id, ImageSource image, int classIndex) {
    if (classIndex < 0) {
      throw new IllegalArgumentException("class index of " + id + " is negative: " + classIndex);
    }
    return new Sample(id, image, classIndex, Float.NaN, List.of());
  }

  /** A sample with a value, without a class. */
  public static Sample ofValue(String id, ImageSource image, float value) {
    if (Float.isNaN(value)) {
      throw new IllegalArgumentException("value of " + id + " is NaN");
    }
    return new Sample(id, image, NO_CLASS, value, List.of());
  }

  /** A multi-label sample carrying the labels {@code labels} (indices, possibly none). */
  public static Sample ofLabels(String id, ImageSource image, List<Integer> labels) {
    return new Sample(id, image, NO_CLASS, Float.NaN, labels);
  }

  /** Whether the sample has a class index. */
  public boolean hasClass() {
    return classIndex != NO_CLASS;
  }

  /** Whether the sample has a value. */
  public boolean hasValue() {
    return !Float.isNaN(value);
  }
}
