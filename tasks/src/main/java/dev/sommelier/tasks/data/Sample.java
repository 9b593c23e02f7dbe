package dev.sommelier.tasks.data;

/**
 * One training example: an id (a path, or {@code file.bin#17} for a record inside a file), how to
 * load its image, and its label: a class index, a value, or both.
 *
 * @param id stable identifier, shown in logs and carried by batches
 * @param image how the image is loaded
 * @param classIndex index into the data set's class names, or {@link #NO_CLASS}
 * @param value the regression target, or {@code NaN} for none
 */
public record Sample(String id, ImageSource image, int classIndex, float value) {

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
  }

  /** A sample of class {@code classIndex}, without a value. */
  public static Sample ofClass(String id, ImageSource image, int classIndex) {
    if (classIndex < 0) {
      throw new IllegalArgumentException("class index of " + id + " is negative: " + classIndex);
    }
    return new Sample(id, image, classIndex, Float.NaN);
  }

  /** A sample with a value, without a class. */
  public static Sample ofValue(String id, ImageSource image, float value) {
    if (Float.isNaN(value)) {
      throw new IllegalArgumentException("value of " + id + " is NaN");
    }
    return new Sample(id, image, NO_CLASS, value);
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
