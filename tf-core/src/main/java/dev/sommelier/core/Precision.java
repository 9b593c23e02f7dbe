package dev.sommelier.core;

import java.util.Locale;

/**
 * The arithmetic a model's graph computes in. Variables, checkpoints and exports are float32 in
 * both; only the compute differs.
 *
 * <ul>
 *   <li>{@link #FP32}: float32 everywhere (the default).
 *   <li>{@link #MIXED}: TensorFlow's automatic mixed-precision graph rewrite computes
 *       convolutions, matrix products and what lies between them in a 16-bit type, with float32
 *       master weights: bfloat16 on a CPU with AVX512_BF16 or AMX (oneDNN), float16 on a CUDA GPU,
 *       where training also scales the loss dynamically. See {@link MixedPrecision}.
 * </ul>
 */
public enum Precision {
  FP32,
  MIXED;

  /**
   * Parses {@code fp32} or {@code mixed} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Precision parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "fp32", "float32" -> FP32;
      case "mixed" -> MIXED;
      default -> throw new IllegalArgumentException(
          "unknown precision '" + text + "': use fp32 or mixed");
    };
  }

  /** The name the command line and config files use: {@code fp32} or {@code mixed}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
