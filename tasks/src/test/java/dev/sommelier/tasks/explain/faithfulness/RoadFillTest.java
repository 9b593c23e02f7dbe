package dev.sommelier.tasks.explain.faithfulness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * ROAD's neighbour fill against interpolations worked out by hand: a removed pixel is the mean
 * of its neighbours inside the image, direct ones weighing 1/6 and diagonal ones 1/12.
 */
class RoadFillTest {

  /** A 3x3 one-channel image, row-major; the removed cells' values must not matter. */
  private static final float[] GRID = {9, 1, 4, 2, 99, 6, 7, 3, 5};

  @Test
  void aRemovedCentreIsTheWeightedMeanOfItsEightNeighbours() {
    float[] filled = RoadFill.fill(GRID, 3, 3, 1, removed(4));
    // direct 1, 2, 6, 3 weigh 1/6, diagonal 9, 4, 7, 5 weigh 1/12, the weights sum to 1
    assertEquals(2 * (1 + 2 + 6 + 3) / 12.0 + (9 + 4 + 7 + 5) / 12.0, filled[4], 1e-5);
    float[] kept = GRID.clone();
    kept[4] = filled[4];
    assertArrayEquals(kept, filled);
  }

  @Test
  void aRemovedCornerUsesOnlyTheNeighboursInsideTheImage() {
    float[] filled = RoadFill.fill(GRID, 3, 3, 1, removed(0));
    // (1/6 * 1 + 1/6 * 2 + 1/12 * 99) / (1/6 + 1/6 + 1/12) = (2 + 4 + 99) / 5
    assertEquals((2 * 1 + 2 * 2 + 99) / 5.0, filled[0], 1e-4);
  }

  @Test
  void twoAdjacentRemovedPixelsSolveTheirJointEquations() {
    float[] image = {9, 1, 4, 2, 0, 0, 7, 3, 5};
    float[] filled = RoadFill.fill(image, 3, 3, 1, removed(4, 5));
    // X (centre): 12 X = 2 (1 + 2 + Y + 3) + (9 + 4 + 7 + 5) = 37 + 2 Y
    // Y (right edge, weights 1/6 for 4, X, 5 and 1/12 for 1, 3, summing to 2/3):
    //   8 Y = 2 (4 + X + 5) + (1 + 3)  =>  4 Y = 11 + X
    // so 48 Y = 132 + 37 + 2 Y, Y = 169 / 46, X = (37 + 2 Y) / 12
    double y = 169.0 / 46;
    double x = (37 + 2 * y) / 12;
    assertEquals(x, filled[4], 1e-4);
    assertEquals(y, filled[5], 1e-4);
  }

  @Test
  void channelsAreFilledApartAndAnIsolatedHoleTakesTheKeptMean() {
    // 1x3 RGB: the middle pixel between (10, 0, 200) and (30, 100, 0)
    float[] row = {10, 0, 200, 55, 55, 55, 30, 100, 0};
    float[] filled = RoadFill.fill(row, 1, 3, 3, new boolean[] {false, true, false});
    assertArrayEquals(new float[] {10, 0, 200, 20, 50, 100, 30, 100, 0}, filled, 1e-4f);
    float[] all = RoadFill.fill(row, 1, 3, 3, new boolean[] {true, true, true});
    // nothing kept: every pixel takes the image's mean colour
    assertArrayEquals(new float[] {95 / 3f, 155 / 3f, 85, 95 / 3f, 155 / 3f, 85, 95 / 3f,
        155 / 3f, 85}, all, 1e-4f);
  }

  private static boolean[] removed(int... cells) {
    boolean[] r = new boolean[9];
    for (int c : cells) {
      r[c] = true;
    }
    return r;
  }

  /**
   * On a grid large enough for the coarse start: a linear ramp is its own weighted neighbour
   * mean away from the image's edges, so large holes inside it are filled with the ramp itself
   * (to the solver's tolerance); and an image removed whole takes
   * its mean.
   */
  @Test
  void largeHolesInARampAreFilledWithTheRampAndAWholeRemovalWithTheMean() {
    int h = 96;
    int w = 80;
    float[] ramp = new float[h * w];
    boolean[] hole = new boolean[h * w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        ramp[y * w + x] = 20 + 1.5f * x + 0.75f * y;
        hole[y * w + x] = Math.hypot(x - 40, y - 50) < 30 || (x > 5 && x < 20 && y > 3 && y < 90);
      }
    }
    float[] filled = RoadFill.fill(ramp, h, w, 1, hole);
    for (int p = 0; p < h * w; p++) {
      assertEquals(ramp[p], filled[p], 0.05, "pixel " + p);
    }
    boolean[] all = new boolean[h * w];
    java.util.Arrays.fill(all, true);
    double mean = 0;
    for (float v : ramp) {
      mean += v / ramp.length;
    }
    for (float v : RoadFill.fill(ramp, h, w, 1, all)) {
      assertEquals(mean, v, 1e-3);
    }
  }
}
