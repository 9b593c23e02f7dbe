package dev.sommelier.tasks.data.augment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Which augmentations run, each with the probability that it runs on an image and its strength.
 * Written and read as a spec ({@link #parse}, {@link #toString}): operation names
 * ({@link AugmentOp#label()}) separated by commas, each with an optional {@code :strength} in [0,
 * 1] and {@code @probability} (default {@value #DEFAULT_PROBABILITY}):
 *
 * <pre>{@code
 * AugmentationConfig.parse("default");                       // flip,affine,brightness,contrast
 * AugmentationConfig.parse("flip,affine:0.3,cutout:0.2@0.25");
 * AugmentationConfig.parse("default,cutout");                // the default set and cutout
 * AugmentationConfig.DEFAULT.with(AugmentOp.VFLIP);
 * }</pre>
 *
 * @param ops the operations that run, with their settings; one that is left out never runs
 */
public record AugmentationConfig(Map<AugmentOp, Setting> ops) {

  /** How often an operation runs when the spec does not say. */
  public static final double DEFAULT_PROBABILITY = 0.5;

  /**
   * How one operation runs.
   *
   * @param probability the chance that it runs on an image, in (0, 1]
   * @param strength how strongly, in [0, 1]; 1 for an operation without a strength
   */
  public record Setting(double probability, double strength) {
    /** Checks the ranges. */
    public Setting {
      if (!(probability > 0 && probability <= 1) || !(strength >= 0 && strength <= 1)) {
        throw new IllegalArgumentException("an augmentation's probability must be in (0, 1] and"
            + " its strength in [0, 1], got " + probability + " and " + strength);
      }
    }
  }

  /** No augmentation. */
  public static final AugmentationConfig NONE = new AugmentationConfig(Map.of());

  /**
   * The default set, mild enough for photos: horizontal flips, a small affine deformation with the
   * border repeated outwards, brightness and contrast, each at its default strength and
   * probability.
   */
  public static final AugmentationConfig DEFAULT = NONE.with(AugmentOp.FLIP)
      .with(AugmentOp.AFFINE).with(AugmentOp.BRIGHTNESS).with(AugmentOp.CONTRAST);

  /** Copies the map. */
  public AugmentationConfig {
    EnumMap<AugmentOp, Setting> copy = new EnumMap<>(AugmentOp.class);
    copy.putAll(ops);
    ops = Collections.unmodifiableMap(copy);
  }

  /** Every operation at probability {@code p} and its default strength. */
  public static AugmentationConfig all(double p) {
    AugmentationConfig c = NONE;
    for (AugmentOp op : AugmentOp.values()) {
      c = c.with(op, p, op.defaultStrength());
    }
    return c;
  }

  /** This config with {@code op} at its default strength and probability. */
  public AugmentationConfig with(AugmentOp op) {
    return with(op, DEFAULT_PROBABILITY, op.defaultStrength());
  }

  /**
   * This config with {@code op} at {@code probability} and {@code strength} (ignored for an
   * operation without one); probability 0 leaves it out.
   */
  public AugmentationConfig with(AugmentOp op, double probability, double strength) {
    EnumMap<AugmentOp, Setting> m = new EnumMap<>(AugmentOp.class);
    m.putAll(ops);
    if (probability == 0) {
      m.remove(op);
    } else {
      m.put(op, new Setting(probability, op.hasStrength() ? strength : 1));
    }
    return new AugmentationConfig(m);
  }

  /** Whether no operation runs. */
  public boolean isNone() {
    return ops.isEmpty();
  }

  /**
   * Reads a spec: {@code none}, {@code false} or blank for no augmentation; {@code default} or
   * {@code true} for {@link #DEFAULT}; otherwise items separated by commas, applied left to right:
   * {@code default} adds the default set, {@code NAME[:STRENGTH][@PROBABILITY]} sets an operation
   * (a later item replaces an earlier one's setting; probability 0 leaves it out). Names ignore
   * case.
   *
   * @throws IllegalArgumentException for an unknown name (listing the known ones), a strength or
   *     probability outside [0, 1] or not a number, a strength given to a flip, or an empty item
   */
  public static AugmentationConfig parse(String spec) {
    String s = spec == null ? "" : spec.strip().toLowerCase(Locale.ROOT);
    switch (s) {
      case "", "none", "false" -> {
        return NONE;
      }
      case "true", "default" -> {
        return DEFAULT;
      }
      default -> { }
    }
    AugmentationConfig c = NONE;
    for (String item : s.split(",", -1)) {
      c = c.withItem(item.strip(), spec);
    }
    return c;
  }

  private AugmentationConfig withItem(String item, String spec) {
    if (item.equals("default")) {
      AugmentationConfig c = this;
      for (Map.Entry<AugmentOp, Setting> e : DEFAULT.ops.entrySet()) {
        c = c.with(e.getKey(), e.getValue().probability(), e.getValue().strength());
      }
      return c;
    }
    int at = item.indexOf('@');
    String head = at < 0 ? item : item.substring(0, at);
    int colon = head.indexOf(':');
    AugmentOp op = op((colon < 0 ? head : head.substring(0, colon)).strip(), spec);
    if (colon >= 0 && !op.hasStrength()) {
      throw new IllegalArgumentException("augmentation '" + spec.strip() + "': " + op.label()
          + " has no strength, only a probability, e.g. " + op.label() + "@0.5");
    }
    double strength = colon < 0 ? op.defaultStrength()
        : fraction(head.substring(colon + 1), "strength", spec);
    double probability = at < 0 ? DEFAULT_PROBABILITY
        : fraction(item.substring(at + 1), "probability", spec);
    return with(op, probability, strength);
  }

  private static AugmentOp op(String name, String spec) {
    for (AugmentOp op : AugmentOp.values()) {
      if (op.label().equals(name)) {
        return op;
      }
    }
    String what = name.isEmpty() ? "an empty item" : "unknown operation '" + name + "'";
    throw new IllegalArgumentException("augmentation '" + spec.strip() + "': " + what
        + "; known: " + AugmentOp.labels() + ", or 'default' for " + DEFAULT
        + " ('none' alone turns augmentation off)");
  }

  private static double fraction(String text, String what, String spec) {
    try {
      double v = Double.parseDouble(text.strip());
      if (v >= 0 && v <= 1) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("augmentation '" + spec.strip() + "': a " + what
        + " is a number in [0, 1], got '" + text.strip() + "'");
  }

  /**
   * The spec that {@link #parse} reads back to this config: {@code none}, or the operations in the
   * order they run, each with its strength and probability where they are not the defaults, e.g.
   * {@code flip,affine:0.3@0.8}.
   */
  @Override
  public String toString() {
    if (ops.isEmpty()) {
      return "none";
    }
    StringJoiner j = new StringJoiner(",");
    ops.forEach((op, s) -> j.add(op.label()
        + (op.hasStrength() && s.strength() != op.defaultStrength() ? ":" + text(s.strength()) : "")
        + (s.probability() != DEFAULT_PROBABILITY ? "@" + text(s.probability()) : "")));
    return j.toString();
  }

  /**
   * What each operation does, one line each in the order they run, e.g. {@code flip (probability
   * 0.5): mirrored left to right}; empty for none.
   */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    ops.forEach((op, s) -> lines.add(op.label() + " (probability " + text(s.probability())
        + (op.hasStrength() ? ", strength " + text(s.strength()) : "") + "): "
        + op.describe(s.strength())));
    return lines;
  }

  /** The shortest decimal that reads back as {@code v}: {@code 0.3}, {@code 1}. */
  private static String text(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
