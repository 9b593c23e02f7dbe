package dev.sommelier.tasks.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImageResizerTest {

  /** A one-row image whose R, G and B all equal {@code values[x]}. */
  private static RgbImage row(int... values) {
    byte[] rgb = new byte[values.length * 3];
    for (int x = 0; x < values.length; x++) {
      Arrays.fill(rgb, 3 * x, 3 * x + 3, (byte) values[x]);
    }
    return new RgbImage(values.length, 1, rgb);
  }

  /** Channel R of the one-row output. */
  private static float[] red(float[] hwc) {
    float[] r = new float[hwc.length / 3];
    for (int i = 0; i < r.length; i++) {
      r[i] = hwc[3 * i];
    }
    return r;
  }

  @Test
  void resizeAllPutsEachImageAfterTheOther() {
    RgbImage a = row(0, 100, 200);
    RgbImage b = row(50, 60, 70, 80);
    float[] both = ImageResizer.resizeAll(java.util.List.of(a, b), 2);
    float[] first = ImageResizer.resize(a, 2, 2);
    float[] second = ImageResizer.resize(b, 2, 2);
    assertArrayEquals(first, Arrays.copyOfRange(both, 0, 12), 0f);
    assertArrayEquals(second, Arrays.copyOfRange(both, 12, 24), 0f);
  }

  @Test
  void sameSizeCopiesExactly() {
    RgbImage img = row(0, 7, 255);
    assertArrayEquals(new float[] {0, 0, 0, 7, 7, 7, 255, 255, 255},
        ImageResizer.resize(img, 1, 3), 0f);
  }

  @Test
  void enlargingIsBilinearWithHalfPixelCentres() {
    assertArrayEquals(new float[] {0, 25, 75, 100}, red(ImageResizer.resize(row(0, 100), 1, 4)),
        1e-4f);
  }

  @Test
  void shrinkingByAtMostTwoIsBilinear() {
    // 3 -> 2: centres at 0.25 and 1.75
    assertArrayEquals(new float[] {2.5f, 17.5f}, red(ImageResizer.resize(row(0, 10, 20), 1, 2)),
        1e-4f);
  }

  @Test
  void shrinkingByMoreThanTwoAveragesAreas() {
    assertArrayEquals(new float[] {15, 55},
        red(ImageResizer.resize(row(0, 10, 20, 30, 40, 50, 60, 70), 1, 2)), 1e-4f);
    // 5 -> 2: the middle pixel is split between both outputs
    assertArrayEquals(new float[] {(0 + 10 + 0.5f * 20) / 2.5f, (0.5f * 20 + 30 + 40) / 2.5f},
        red(ImageResizer.resize(row(0, 10, 20, 30, 40), 1, 2)), 1e-4f);
  }

  @Test
  void bothAxesAndChannelsAreResampledIntoTheGivenSlice() {
    // 2x2: R varies along x, G along y, B constant
    byte[] rgb = {0, 0, 9, (byte) 200, 0, 9, 0, 100, 9, (byte) 200, 100, 9};
    float[] dst = new float[5 + 4 * 4 * 3 + 5];
    Arrays.fill(dst, -1f);
    ImageResizer.resize(new RgbImage(2, 2, rgb), 4, 4, dst, 5);
    assertEquals(-1f, dst[4]);
    assertEquals(-1f, dst[5 + 48]);
    // pixel (x=1, y=2): x source 0.25 -> R 50; y source 0.75 -> G 75
    int p = 5 + (2 * 4 + 1) * 3;
    assertEquals(50f, dst[p], 1e-4f);
    assertEquals(75f, dst[p + 1], 1e-4f);
    assertEquals(9f, dst[p + 2], 1e-4f);
  }

  @Test
  void aFlatImageStaysFlatAtAnySize() {
    byte[] rgb = new byte[37 * 23 * 3];
    Arrays.fill(rgb, (byte) 77);
    RgbImage img = new RgbImage(37, 23, rgb);
    for (int[] size : new int[][] {{224, 224}, {5, 3}, {23, 37}, {1, 1}}) {
      for (float v : ImageResizer.resize(img, size[0], size[1])) {
        assertEquals(77f, v, 1e-3f);
      }
    }
  }

  @Test
  void resizeToBytesRounds() {
    RgbImage out = ImageResizer.resizeToBytes(row(0, 100), 1, 4);
    assertEquals(25, out.get(1, 0, 0));
    assertEquals(75, out.get(2, 0, 2));
  }
}
