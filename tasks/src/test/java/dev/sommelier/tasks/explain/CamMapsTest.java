package dev.sommelier.tasks.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CamMapsTest {

  @Test
  void aConstantMapStaysConstant() {
    float[] v = new float[3 * 5];
    Arrays.fill(v, 0.625f);
    float[] up = CamMaps.upsample(new CamMap(3, 5, v, "t", 0f), 37, 23);
    assertEquals(37 * 23, up.length);
    for (float x : up) {
      assertEquals(0.625f, x, 1e-6f);
    }
  }

  @Test
  void interpolatesBetweenHalfPixelCentres() {
    CamMap map = new CamMap(1, 2, new float[] {0f, 1f}, "t", 0f);
    assertArrayEquals(new float[] {0f, 0.25f, 0.75f, 1f}, CamMaps.upsample(map, 1, 4), 1e-6f);
    assertArrayEquals(map.values(), CamMaps.upsample(map, 1, 2), 0f);
  }

  @Test
  void aSingleCellsPeakLandsOverThatCell() {
    float[] v = new float[4 * 4];
    v[1 * 4 + 2] = 1f;
    CamMap map = new CamMap(4, 4, v, "t", 0f);
    float[] up = CamMaps.upsample(map, 32, 48);
    int best = 0;
    for (int i = 1; i < up.length; i++) {
      best = up[i] > up[best] ? i : best;
    }
    int x = best % 48;
    int y = best / 48;
    assertEquals(true, x >= 24 && x < 36 && y >= 8 && y < 16, "upsampled peak at " + x + "," + y);
    assertEquals(new CamMaps.Peak(30, 12), CamMaps.peak(map, 32, 48));
    float peakValue = up[12 * 48 + 30];
    assertEquals(up[best], peakValue, 1e-6f);
    assertEquals(0f, up[0], 0f);
  }
}
