package dev.sommelier.tasks.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * None of a job's input files could be read, so there is no answer at all: a failure with every
 * file's reason (up to {@value #LISTED} files), or each reason with its count and an example.
 */
public final class NoImageReadException extends IllegalArgumentException {

  /** Up to this many files are listed one by one. */
  static final int LISTED = 10;

  private final transient List<SkippedImage> skipped;

  /** The failure of a job that could read none of its inputs, the {@code skipped} ones. */
  public NoImageReadException(List<SkippedImage> skipped) {
    super(message(skipped));
    this.skipped = List.copyOf(skipped);
  }

  /** Every input file with the reason it could not be read. */
  public List<SkippedImage> skipped() {
    return skipped;
  }

  private static String message(List<SkippedImage> skipped) {
    StringBuilder m = new StringBuilder(String.format(Locale.ROOT,
        "none of the %d input file%s could be read as an image, so nothing was done; give jpg,"
            + " jpeg, png, bmp or gif files that open in an image viewer:",
        skipped.size(), skipped.size() == 1 ? "" : "s"));
    if (skipped.size() <= LISTED) {
      for (SkippedImage s : skipped) {
        m.append("\n  ").append(s.file()).append(": ").append(s.reason());
      }
      return m.toString();
    }
    Map<String, List<String>> byReason = new LinkedHashMap<>();
    for (SkippedImage s : skipped) {
      byReason.computeIfAbsent(s.reason(), r -> new ArrayList<>()).add(s.file());
    }
    byReason.entrySet().stream()
        .sorted((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()))
        .limit(LISTED)
        .forEach(e -> m.append("\n  ").append(e.getValue().size()).append(" x ")
            .append(e.getKey()).append(" (e.g. ").append(e.getValue().get(0)).append(')'));
    if (byReason.size() > LISTED) {
      m.append("\n  and ").append(byReason.size() - LISTED).append(" other reasons (see the log)");
    }
    return m.toString();
  }
}
