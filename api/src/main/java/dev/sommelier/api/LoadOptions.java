package dev.sommelier.api;

import dev.sommelier.core.Device;
import dev.sommelier.core.Precision;
import java.util.Objects;

/**
 * How {@link Sommelier#load(java.nio.file.Path, LoadOptions)} opens a model: the device it runs on,
 * the largest image it decodes, the precision it computes in and whether its graph is frozen.
 * Immutable; the {@code with} methods return a copy.
 *
 * <pre>{@code
 * LoadOptions options = LoadOptions.DEFAULT.withDevice(Device.parse("gpu:0"))
 *     .withMaxPixels(12_000_000)
 *     .withPrecision(Precision.MIXED);
 * }</pre>
 *
 * @param device where the model runs (default {@link Device#CPU}); a GPU needs the {@code -Pgpu}
 *     native build, and a GPU that is not there is an error, never a silent fall-back
 * @param maxPixels the largest image decoded, in pixels (default {@value #DEFAULT_MAX_PIXELS}); a
 *     larger one is refused from its header, before its pixels are decoded, with {@link
 *     dev.sommelier.tasks.data.ImageTooLargeException}
 * @param precision the arithmetic of the graph (default {@link Precision#FP32}); {@link
 *     Precision#MIXED} computes in bfloat16 on a CPU that has it, float32 elsewhere (the log says
 *     which)
 * @param frozen true (the default) for a graph built for inference only, with constant weights:
 *     the same answers within float rounding, 2 to 7 % faster in float32 on the machine measured;
 *     false for the graph of variables that training builds (faster for MobileNet in mixed
 *     precision there)
 */
public record LoadOptions(Device device, long maxPixels, Precision precision, boolean frozen) {

  /** The default pixel limit: 50 megapixels, more than any phone camera takes. */
  public static final long DEFAULT_MAX_PIXELS = 50_000_000L;

  /** The CPU, a limit of {@value #DEFAULT_MAX_PIXELS} pixels, float32, frozen. */
  public static final LoadOptions DEFAULT = new LoadOptions(Device.CPU, DEFAULT_MAX_PIXELS);

  /** Checks the values. */
  public LoadOptions {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(precision, "precision");
    if (maxPixels < 1) {
      throw new IllegalArgumentException("the pixel limit must be >= 1, got " + maxPixels);
    }
  }

  /** {@code device} and {@code maxPixels}, in float32, frozen. */
  public LoadOptions(Device device, long maxPixels) {
    this(device, maxPixels, Precision.FP32, true);
  }

  /** These options on {@code device}. */
  public LoadOptions withDevice(Device device) {
    return new LoadOptions(device, maxPixels, precision, frozen);
  }

  /** These options with a pixel limit of {@code maxPixels}. */
  public LoadOptions withMaxPixels(long maxPixels) {
    return new LoadOptions(device, maxPixels, precision, frozen);
  }

  /** These options computing in {@code precision}. */
  public LoadOptions withPrecision(Precision precision) {
    return new LoadOptions(device, maxPixels, precision, frozen);
  }

  /** These options with a frozen graph, or (false) the graph of variables that training builds. */
  public LoadOptions withFrozen(boolean frozen) {
    return new LoadOptions(device, maxPixels, precision, frozen);
  }
}
