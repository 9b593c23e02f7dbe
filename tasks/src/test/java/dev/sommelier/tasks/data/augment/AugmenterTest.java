package dev.sommelier.tasks.data.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.AffineTransform;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each operation on small images, with the values it must give. */
class AugmenterTest {

  private static final int H = 6;
  private static final int W = 5;

  /** Every float distinct: value = index. */
  private static float[] ramp() {
    float[] img = new float[H * W * 3];
    for (int i = 0; i < img.length; i++) {
      img[i] = i;
    }
    return img;
  }

  private static float at(float[] img, int x, int y, int c) {
    return img[(y * W + x) * 3 + c];
  }

  /** {@code op} alone, always, at {@code strength}. */
  private static Augmenter only(AugmentOp op, double strength) {
    return new Augmenter(AugmentationConfig.NONE.with(op, 1, strength));
  }

  @Test
  void offByDefault() {
    assertTrue(AugmentationConfig.NONE.isNone());
    float[] img = ramp();
    new Augmenter(AugmentationConfig.NONE).apply(img, 0, H, W, new Random(1));
    assertArrayEquals(ramp(), img, 0f);
    assertFalse(AugmentationConfig.all(0.5).isNone());
  }

  @Test
  void flipMirrorsLeftToRightExactly() {
    float[] img = ramp();
    only(AugmentOp.FLIP, 1).apply(img, 0, H, W, new Random(1));
    float[] src = ramp();
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        for (int c = 0; c < 3; c++) {
          assertEquals(at(src, W - 1 - x, y, c), at(img, x, y, c));
        }
      }
    }
  }

  @Test
  void verticalFlipMirrorsExactlyAndTwiceIsIdentity() {
    float[] img = ramp();
    only(AugmentOp.VFLIP, 1).apply(img, 0, H, W, new Random(1));
    assertEquals(at(ramp(), 3, H - 1, 2), at(img, 3, 0, 2));
    assertEquals(at(ramp(), 0, 0, 0), at(img, 0, H - 1, 0));
    Flips.vertical(img, 0, H, W);
    assertArrayEquals(ramp(), img, 0f);
  }

  @Test
  void sameSeedSameResultOtherSeedOther() {
    Augmenter a = new Augmenter(AugmentationConfig.all(0.5));
    float[] x = new float[32 * 32 * 3];
    Random pixels = new Random(0);
    for (int i = 0; i < x.length; i++) {
      x[i] = pixels.nextInt(256);
    }
    float[] one = x.clone();
    float[] two = x.clone();
    float[] three = x.clone();
    a.apply(one, 0, 32, 32, new Random(77));
    a.apply(two, 0, 32, 32, new Random(77));
    a.apply(three, 0, 32, 32, new Random(78));
    assertArrayEquals(one, two, 0f);
    assertFalse(Arrays.equals(one, three));
  }

  @Test
  void brightnessShiftsWithinItsRangeAndClips() {
    // strength 0.4: a shift of up to 0.4 * 0.5 * 255 = 51
    float[] img = {10, 100, 250};
    only(AugmentOp.BRIGHTNESS, 0.4).apply(img, 0, 1, 1, new Random(5));
    float delta = img[1] - 100;
    assertTrue(delta != 0 && Math.abs(delta) <= 51f, "delta " + delta);
    assertEquals(Math.max(0, Math.min(255, 10 + delta)), img[0], 1e-4f);
    assertEquals(Math.max(0, Math.min(255, 250 + delta)), img[2], 1e-4f);
  }

  @Test
  void contrastScalesAboutTheChannelMeansWithinItsRange() {
    // R: 100 and 200 about 150; at strength 0.2 the factor is in [0.8, 1.2]
    float[] img = {100, 0, 50, 200, 0, 150};
    only(AugmentOp.CONTRAST, 0.2).apply(img, 0, 1, 2, new Random(2));
    assertEquals(150f, (img[0] + img[3]) / 2, 1e-3f);
    assertEquals(100f, (img[2] + img[5]) / 2, 1e-3f);
    float distance = 150 - img[0];
    assertTrue(distance >= 40 && distance <= 60 && distance != 50, "R moved to " + img[0]);
  }

  @Test
  void cutoutFillsOneRectangleWithTheMeanColour() {
    int h = 20;
    int w = 20;
    float[] img = new float[h * w * 3];
    for (int i = 0; i < img.length; i += 3) {
      img[i] = (i / 3) % 2 == 0 ? 0 : 200; // mean of R is 100
    }
    // strength 0.3: sides of 0.075 to 0.3 of 20 pixels, so 2 to 6 pixels
    only(AugmentOp.CUTOUT, 0.3).apply(img, 0, h, w, new Random(9));
    int filled = 0;
    for (int i = 0; i < img.length; i += 3) {
      if (img[i] == 100f) {
        filled++;
      }
    }
    assertTrue(filled > 0 && filled <= 36, "filled " + filled);
  }

  @Test
  void saltAndPepperSetsAtMostTheStrengthsShareOfWholePixelsToBlackOrWhite() {
    float[] img = new float[50 * 50 * 3];
    Arrays.fill(img, 128f);
    // strength 1: up to 10 % of 2500 pixels
    only(AugmentOp.SALT_PEPPER, 1).apply(img, 0, 50, 50, new Random(4));
    int changed = 0;
    for (int i = 0; i < img.length; i += 3) {
      if (img[i] != 128f) {
        changed++;
        assertTrue(img[i] == 0f || img[i] == 255f);
        assertEquals(img[i], img[i + 1]);
        assertEquals(img[i], img[i + 2]);
      }
    }
    assertTrue(changed > 0 && changed <= 250, "changed " + changed);
  }

  @Test
  void affineWarpOfIdentityCopiesAndAShiftRepeatsTheBorderColumn() {
    float[] img = ramp();
    AffineWarp.warp(img, 0, H, W, new AffineTransform());
    assertArrayEquals(ramp(), img, 0f);
    // inverse of "shift right by 2": output (x, y) reads input (x - 2, y), clamped to column 0
    AffineWarp.warp(img, 0, H, W, AffineTransform.getTranslateInstance(-2, 0));
    for (int y = 0; y < H; y++) {
      for (int c = 0; c < 3; c++) {
        assertEquals(at(ramp(), 0, y, c), at(img, 0, y, c));
        assertEquals(at(ramp(), 0, y, c), at(img, 1, y, c));
        assertEquals(at(ramp(), 0, y, c), at(img, 2, y, c));
        assertEquals(at(ramp(), 2, y, c), at(img, 4, y, c));
      }
    }
  }

  @Test
  void edgeFillLeavesNoDarkBorderOnAConstantImageRotatedAndZoomedOut() throws Exception {
    int side = 32;
    float[] grey = new float[side * side * 3];
    Arrays.fill(grey, 173f);
    // 25 degrees about the centre and zoomed out to 0.8: the corners read from outside the image
    AffineTransform forward = new AffineTransform();
    forward.translate(side / 2.0, side / 2.0);
    forward.rotate(Math.toRadians(25));
    forward.scale(0.8, 0.8);
    forward.translate(-side / 2.0, -side / 2.0);
    float[] img = grey.clone();
    AffineWarp.warp(img, 0, side, side, forward.createInverse());
    assertArrayEquals(grey, img, 1e-3f);
    // and so at full strength, whatever the transform drawn
    Augmenter strongest = only(AugmentOp.AFFINE, 1);
    for (int seed = 0; seed < 20; seed++) {
      float[] warped = grey.clone();
      strongest.apply(warped, 0, side, side, new Random(seed));
      assertArrayEquals(grey, warped, 1e-3f, "seed " + seed);
    }
  }

  @Test
  void affineAtStrengthZeroChangesNothing() {
    float[] img = ramp();
    only(AugmentOp.AFFINE, 0).apply(img, 0, H, W, new Random(3));
    assertArrayEquals(ramp(), img, 0f);
  }

  @Test
  void theDefaultAffineMovesTheCentreByAtMostItsShift() {
    // strength 0.25: shift up to 5 % of 41 = 2.05 pixels per axis; rotation, shear and zoom
    // are about the centre and do not move it
    int side = 41;
    double largest = 0;
    for (int seed = 0; seed < 20; seed++) {
      float[] img = new float[side * side * 3];
      for (int y = 18; y <= 22; y++) {
        for (int x = 18; x <= 22; x++) {
          img[(y * side + x) * 3] = 255f; // a bright 5 x 5 square at the centre
        }
      }
      only(AugmentOp.AFFINE, AugmentOp.AFFINE.defaultStrength())
          .apply(img, 0, side, side, new Random(seed));
      double mass = 0;
      double cx = 0;
      double cy = 0;
      for (int y = 0; y < side; y++) {
        for (int x = 0; x < side; x++) {
          float v = img[(y * side + x) * 3];
          mass += v;
          cx += v * x;
          cy += v * y;
        }
      }
      largest = Math.max(largest, Math.hypot(cx / mass - 20, cy / mass - 20));
    }
    assertTrue(largest > 0.2 && largest <= 2.05 * Math.sqrt(2) + 0.1, "moved " + largest);
  }
}
