package dev.sommelier.tools;

import dev.sommelier.tasks.jobs.KnownTruth;
import java.util.Locale;

/**
 * How predict and explain print answers checked against a known class (an image in a folder named
 * after one of the model's classes): a mark after each such image's line and the accuracy.
 */
public final class TruthText {

  private TruthText() {}

  /** {@code "  [true dark: WRONG]"}, {@code "  [true dark: right]"}, or "" without a known class. */
  static String mark(String trueClass, Boolean correct) {
    if (correct == null) {
      return "";
    }
    return "  [true " + trueClass + ": " + (correct ? "right" : "WRONG") + "]";
  }

  /** The accuracy line, or null when no image has a known class. */
  public static String accuracy(KnownTruth t) {
    if (t == null) {
      return null;
    }
    return String.format(Locale.ROOT, "Accuracy %.4f: %d of the %d images whose folder names"
        + " their class are right, %d wrong", t.accuracy(), t.correct(), t.images(),
        t.images() - t.correct());
  }
}
