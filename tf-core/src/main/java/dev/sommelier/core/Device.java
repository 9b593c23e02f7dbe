package dev.sommelier.core;

import java.util.Locale;
import org.tensorflow.DeviceSpec;

/**
 * Where a model's graph runs: {@code cpu} (the default) or {@code gpu[:N]}.
 *
 * <p>A device is only a request; {@link ModelRuntime} checks that the runtime really sees it and
 * fails with the list of visible devices otherwise. There is never a silent fall-back to the CPU.
 */
public record Device(Kind kind, int index) {

  /** Device family. */
  public enum Kind {
    CPU,
    GPU
  }

  /** The CPU, device 0. */
  public static final Device CPU = new Device(Kind.CPU, 0);

  public Device {
    if (index < 0) {
      throw new IllegalArgumentException("device index must be >= 0, got " + index);
    }
  }

  /**
   * Parses {@code cpu}, {@code gpu} or {@code gpu:N} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the accepted forms when the text is none of them
   */
  public static Device parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("cpu")) {
      return CPU;
    }
    if (t.equals("gpu")) {
      return new Device(Kind.GPU, 0);
    }
    if (t.startsWith("gpu:")) {
      try {
        return new Device(Kind.GPU, Integer.parseInt(t.substring(4)));
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
    }
    throw new IllegalArgumentException(
        "unknown device '" + text + "': use cpu, gpu or gpu:N (N = 0, 1, ...)");
  }

  /** TensorFlow's device type string, {@code CPU} or {@code GPU}. */
  public String type() {
    return kind.name();
  }

  /** The device as TF-Java placement spec. */
  public DeviceSpec spec() {
    return DeviceSpec.newBuilder()
        .deviceType(kind == Kind.CPU ? DeviceSpec.DeviceType.CPU : DeviceSpec.DeviceType.GPU)
        .deviceIndex(index)
        .build();
  }

  @Override
  public String toString() {
    return kind == Kind.CPU ? "cpu" : "gpu:" + index;
  }
}
