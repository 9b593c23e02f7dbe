package dev.sommelier.api;

import dev.sommelier.core.Device;
import java.util.Objects;

/**
 * How {@link Sommelier#load(java.nio.file.Path, LoadOptions)} opens a model: the device it runs on
 * and the largest image it decodes. Immutable; the {@code with} methods return a copy.
 *
 * <pre>{@code
 * LoadOptions options = LoadOptions.DEFAULT.withDevice(Device.parse("gpu:0"))
 *     .withMaxPixels(12_000_000);
 * }</pre>
 *
 * @param device where the model runs (default {@link Device#CPU}); a GPU needs the {@code -Pgpu}
 *     native build, and a GPU that is not there is an error, never a silent fall-back
 * @param maxPixels the largest image decoded, in pixels (default {@value #DEFAULT_MAX_PIXELS}); a
 *     larger one is refused from its header, before its pixels are decoded, with {@link
 *     dev.sommelier.tasks.data.ImageTooLargeException}
 */
public record LoadOptions(Device device, long maxPixels) {

  /** The default pixel limit: 50 megapixels, more than any phone camera takes. */
  public static final long DEFAULT_MAX_PIXELS = 50_000_000L;

  /** The CPU and a limit of {@value #DEFAULT_MAX_PIXELS} pixels. */
  public static final LoadOptions DEFAULT = new LoadOptions(Device.CPU, DEFAULT_MAX_PIXELS);

  /** Checks the values. */
  public LoadOptions {
    Objects.requireNonNull(device, "device");
    if (maxPixels < 1) {
      throw new IllegalArgumentException("the pixel limit must be >= 1, got " + maxPixels);
    }
  }

  /** These options on {@code device}. */
  public LoadOptions withDevice(Device device) {
    return new LoadOptions(device, maxPixels);
  }

  /** These options with a pixel limit of {@code maxPixels}. */
  public LoadOptions withMaxPixels(long maxPixels) {
    return new LoadOptions(device, maxPixels);
  }
}
