package dev.sommelier.tasks.data.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.AffineTransform;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

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

  @Test
  void offByDefault() {
    assertTrue(AugmentationConfig.NONE.isNone());
    float[] img = ramp();
    new Augmenter(AugmentationConfig.NONE).apply(img, 0, H, W, new Random(1));
    assertArrayEquals(ramp(), img, 0f);
    assertFalse(AugmentationConfig.all(0.5).isNone());
  }

  @Test
  void horizontalFlipMirrorsExactly() {
    float[] img = ramp();
    new Augmenter(AugmentationConfig.NONE.withHorizontalFlip(1)).apply(img, 0, H, W, new Random(1));
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
    Augmenter.flipVertical(img, 0, H, W);
    assertEquals(at(ramp(), 3, H - 1, 2), at(img, 3, 0, 2));
    Augmenter.flipVertical(img, 0, H, W);
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
  void brightnessShiftsAndClips() {
    float[] img = {10, 100, 250};
    AugmentationConfig c = AugmentationConfig.NONE.withBrightness(
        new AugmentationConfig.Brightness(1, 0.2));
    new Augmenter(c).apply(img, 0, 1, 1, new Random(5));
    float delta = img[1] - 100;
    assertNotEquals(0f, delta);
    assertTrue(Math.abs(delta) <= 51f);
    assertEquals(Math.max(0, Math.min(255, 10 + delta)), img[0], 1e-4f);
    assertEquals(Math.max(0, Math.min(255, 250 + delta)), img[2], 1e-4f);
  }

  @Test
  void contrastKeepsTheChannelMeans() {
    float[] img = {100, 0, 50, 200, 0, 150};
    new Augmenter(AugmentationConfig.NONE.withContrast(1)).apply(img, 0, 1, 2, new Random(2));
    assertEquals(150f, (img[0] + img[3]) / 2, 1e-3f);
    assertEquals(100f, (img[2] + img[5]) / 2, 1e-3f);
    assertNotEquals(100f, img[0]);
  }

  @Test
  void cutoutFillsARectangleWithTheMeanColour() {
    int h = 20;
    int w = 20;
    float[] img = new float[h * w * 3];
    for (int i = 0; i < img.length; i += 3) {
      img[i] = (i / 3) % 2 == 0 ? 0 : 200; // mean of R is 100
    }
    AugmentationConfig c = AugmentationConfig.NONE.withCutout(
        new AugmentationConfig.Cutout(1, 0.3, 0.3));
    new Augmenter(c).apply(img, 0, h, w, new Random(9));
    int filled = 0;
    for (int i = 0; i < img.length; i += 3) {
      if (img[i] == 100f) {
        filled++;
      }
    }
    assertTrue(filled > 0 && filled <= 36, "filled " + filled); // at most 6 x 6
  }

  @Test
  void saltAndPepperSetsWholePixelsToBlackOrWhite() {
    float[] img = new float[50 * 50 * 3];
    Arrays.fill(img, 128f);
    AugmentationConfig c = AugmentationConfig.NONE.withSaltPepper(
        new AugmentationConfig.SaltPepper(1, 0.2));
    new Augmenter(c).apply(img, 0, 50, 50, new Random(4));
    int changed = 0;
    for (int i = 0; i < img.length; i += 3) {
      if (img[i] != 128f) {
        changed++;
        assertTrue(img[i] == 0f || img[i] == 255f);
        assertEquals(img[i], img[i + 1]);
        assertEquals(img[i], img[i + 2]);
      }
    }
    assertTrue(changed > 0 && changed <= 500, "changed " + changed);
  }

  @Test
  void affineWarpOfIdentityCopiesAndOfAShiftMovesPixelsAndFills() {
    float[] img = ramp();
    AffineWarp.warp(img, 0, H, W, new AffineTransform(), 0f);
    assertArrayEquals(ramp(), img, 0f);
    // inverse of "shift right by 1": output (x, y) reads input (x - 1, y)
    AffineWarp.warp(img, 0, H, W, AffineTransform.getTranslateInstance(-1, 0), 7f);
    assertEquals(at(ramp(), 2, 3, 1), at(img, 3, 3, 1));
    assertEquals(7f, at(img, 0, 2, 0));
  }

  @Test
  void randomAffineKeepsTheCentreRoughlyInPlace() {
    float[] img = new float[41 * 41 * 3];
    img[(20 * 41 + 20) * 3] = 255f; // one bright pixel at the centre
    AugmentationConfig.Affine small = new AugmentationConfig.Affine(1, 10, 0, 0.1, 5, 0f);
    new Augmenter(AugmentationConfig.NONE.withAffine(small)).apply(img, 0, 41, 41, new Random(6));
    float centre = 0;
    for (int y = 19; y <= 21; y++) {
      for (int x = 19; x <= 21; x++) {
        centre += img[(y * 41 + x) * 3];
      }
    }
    assertTrue(centre > 150f, "mass near the centre " + centre);
  }
}
