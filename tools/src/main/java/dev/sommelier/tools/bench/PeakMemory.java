package dev.sommelier.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The process's peak resident memory (Linux {@code VmHWM}: Java heap, TensorFlow's native buffers
 * and everything else), reset before each run through {@code /proc/self/clear_refs} so that each
 * run's peak is its own. Where the files are missing (not Linux) there is no number.
 */
public final class PeakMemory {

  private static final Path STATUS = Path.of("/proc/self/status");
  private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

  private PeakMemory() {}

  /** Starts a new peak at the current resident size, where the system allows it. */
  public static void reset() {
    try {
      Files.writeString(CLEAR_REFS, "5");
    } catch (IOException | UnsupportedOperationException e) {
      // no reset: the peak then covers the process so far, which bounds the run's from above
    }
  }

  /** The peak resident size in bytes since the last reset, or empty where it cannot be read. */
  public static OptionalLong bytes() {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith("VmHWM:")) {
          String[] parts = line.substring(6).trim().split("\\s+");
          return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux, or a format this code does not know
    }
    return OptionalLong.empty();
  }
}
