package dev.sommelier.tools.gui;

import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the text of form fields as folders and numbers, with messages that name the field. */
final class Fields {

  private Fields() {}

  /**
   * The folder {@code text} names, which must exist.
   *
   * @throws IllegalArgumentException when the field is blank or names no folder
   */
  static Path existingFolder(String text, String field) {
    Path p = folder(text, field);
    if (!Files.isDirectory(p)) {
      throw new IllegalArgumentException("no folder at " + p.toAbsolutePath() + " (" + field + ")");
    }
    return p;
  }

  /**
   * The folder {@code text} names, which need not exist yet.
   *
   * @throws IllegalArgumentException when the field is blank
   */
  static Path folder(String text, String field) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("choose the " + field);
    }
    return Path.of(text.strip());
  }

  /**
   * A whole number of at least 1.
   *
   * @throws IllegalArgumentException naming the field and the text
   */
  static int positiveInt(String text, String field) {
    String t = text == null ? "" : text.strip();
    try {
      int v = Integer.parseInt(t);
      if (v >= 1) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(field + " must be a whole number of at least 1, got '" + t
        + "'");
  }

  /** {@link #positiveInt}, or 0 for a blank field. */
  static int optionalPositiveInt(String text, String field) {
    return text == null || text.isBlank() ? 0 : positiveInt(text, field);
  }

  /**
   * A number above 0, such as {@code 0.001} or {@code 1e-3}.
   *
   * @throws IllegalArgumentException naming the field and the text
   */
  static float positiveFloat(String text, String field) {
    String t = text == null ? "" : text.strip();
    try {
      float v = Float.parseFloat(t);
      if (v > 0 && Float.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(field + " must be a number above 0, got '" + t + "'");
  }
}
