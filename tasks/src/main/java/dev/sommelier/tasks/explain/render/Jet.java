package dev.sommelier.tasks.explain.render;

/**
 * The JET colour map (MATLAB's and matplotlib's {@code jet}) by its piecewise-linear formula: 0 is
 * dark blue {@code (0, 0, 128)}, 0.5 light green, 1 dark red {@code (128, 0, 0)}.
 */
public final class Jet {

  private Jet() {}

  /** The colour of {@code v} (clamped to [0, 1]) as {@code 0xRRGGBB}. */
  public static int rgb(float v) {
    float x = Float.isNaN(v) ? 0f : Math.max(0f, Math.min(1f, v));
    return channel(x, 3) << 16 | channel(x, 2) << 8 | channel(x, 1);
  }

  /** {@code clamp(1.5 - |4x - centre|)} in 0..255: red peaks at 3/4, green at 1/2, blue at 1/4. */
  private static int channel(float x, int centre) {
    float c = Math.max(0f, Math.min(1f, 1.5f - Math.abs(4f * x - centre)));
    return Math.round(c * 255f);
  }
}
