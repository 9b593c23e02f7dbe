package dev.sommelier.tasks.explain;

/** The shared last step of every method: from raw map values to a {@link CamMap}'s values. */
final class RawMaps {

  private RawMaps() {}

  /** {@code ReLU(raw)} divided by its maximum (all 0 stays 0). */
  static float[] reluNormalised(double[] raw) {
    double max = 0;
    for (double v : raw) {
      max = Math.max(max, v);
    }
    float[] map = new float[raw.length];
    if (max > 0) {
      for (int p = 0; p < map.length; p++) {
        map[p] = (float) (Math.max(0, raw[p]) / max);
      }
    }
    return map;
  }
}
