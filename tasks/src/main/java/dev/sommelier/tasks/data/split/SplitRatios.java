package dev.sommelier.tasks.data.split;

import java.util.Arrays;

/**
 * Relative sizes of the parts of a split, in the order train, validation, test: {@code 6:4} is 60%
 * train and 40% validation, {@code 6:2:2} adds a test part. Parts are normalised, so {@code 3:1}
 * and {@code 0.75:0.25} are the same split.
 */
public record SplitRatios(double[] parts) {

  /** Checks that there are one to three positive, finite parts, and copies them. */
  public SplitRatios {
    if (parts.length < 1 || parts.length > 3) {
      throw new IllegalArgumentException(
          "a split has 1 to 3 parts (train, validation, test), got " + parts.length);
    }
    for (double p : parts) {
      if (!(p > 0) || Double.isInfinite(p)) {
        throw new IllegalArgumentException(
            "split ratios must be positive: " + Arrays.toString(parts));
      }
    }
    parts = parts.clone();
  }

  /** Ratios from numbers. */
  public static SplitRatios of(double... parts) {
    return new SplitRatios(parts);
  }

  /**
   * Parses {@code "6:2:2"} or {@code "0.8:0.2"}.
   *
   * @throws IllegalArgumentException naming the text when it is not that
   */
  public static SplitRatios parse(String text) {
    String[] fields = text.strip().split(":");
    double[] parts = new double[fields.length];
    try {
      for (int i = 0; i < fields.length; i++) {
        parts[i] = Double.parseDouble(fields[i].strip());
      }
      return new SplitRatios(parts);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "bad split '" + text + "': expected positive numbers such as 6:4 or 6:2:2", e);
    }
  }

  /** Number of parts. */
  public int size() {
    return parts.length;
  }

  /** The parts, normalised to sum to 1. */
  public double[] fractions() {
    double sum = Arrays.stream(parts).sum();
    return Arrays.stream(parts).map(p -> p / sum).toArray();
  }

  @Override
  public double[] parts() {
    return parts.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SplitRatios r && Arrays.equals(parts, r.parts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(parts);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    for (double p : parts) {
      s.append(s.length() == 0 ? "" : ":").append(p == Math.rint(p) ? Long.toString((long) p) : p);
    }
    return s.toString();
  }
}
