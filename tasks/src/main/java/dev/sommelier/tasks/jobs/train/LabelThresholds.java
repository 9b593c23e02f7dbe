package dev.sommelier.tasks.jobs.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a multi-label model decides that a label is present: at fixed thresholds (one for every
 * label, or one per label), or at the threshold per label that maximises that label's F1 on the
 * validation part ({@code tune}). The decision is stored in {@code model.json}.
 *
 * @param values one threshold for all labels, one per label, or empty for 0.5 (unused when tuned)
 * @param tune whether to tune each label's threshold on validation data
 */
public record LabelThresholds(List<Float> values, boolean tune) {

  /** 0.5 for every label. */
  public static final LabelThresholds DEFAULT = new LabelThresholds(List.of(), false);

  /** Checks that every threshold is in (0, 1). */
  public LabelThresholds {
    values = List.copyOf(values);
    for (float v : values) {
      if (!(v > 0 && v < 1)) {
        throw new IllegalArgumentException("a label threshold is a probability in (0, 1), got "
            + v + " in " + values);
      }
    }
    if (tune && !values.isEmpty()) {
      throw new IllegalArgumentException("thresholds are either tuned or given, not both");
    }
  }

  /**
   * Parses {@code tune}, {@code 0.4} (every label) or {@code 0.3,0.6,0.5} (per label, in the
   * labels' natural order).
   */
  public static LabelThresholds parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.equals("tune")) {
      return new LabelThresholds(List.of(), true);
    }
    List<Float> values = new ArrayList<>();
    for (String part : t.split(",")) {
      try {
        values.add(Float.parseFloat(part.strip()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("thresholds '" + text + "': write tune, one"
            + " probability such as 0.4, or one per label such as 0.3,0.6,0.5");
      }
    }
    return new LabelThresholds(values, false);
  }

  /**
   * The fixed thresholds of {@code labels} labels.
   *
   * @throws IllegalArgumentException when the number of values is neither 1 nor {@code labels}
   */
  public List<Float> fixed(int labels) {
    if (values.isEmpty()) {
      return List.of();
    }
    if (values.size() == 1) {
      return java.util.Collections.nCopies(labels, values.get(0));
    }
    if (values.size() != labels) {
      throw new IllegalArgumentException(values.size() + " thresholds given for " + labels
          + " labels; give one for all, or one per label in their natural order");
    }
    return values;
  }

  /** {@code tune}, {@code 0.5} or {@code 0.3,0.6}: as {@link #parse} reads it. */
  @Override
  public String toString() {
    if (tune) {
      return "tune";
    }
    return values.isEmpty() ? "0.5" : String.join(",", values.stream().map(String::valueOf).toList());
  }
}
