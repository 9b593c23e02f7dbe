package dev.sommelier.tasks.data.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Augmentation specs: the default set, parsing, writing back, and the messages of bad ones. */
class AugmentationConfigTest {

  private static String message(String spec) {
    return assertThrows(IllegalArgumentException.class, () -> AugmentationConfig.parse(spec))
        .getMessage();
  }

  @Test
  void theDefaultSetIsFlipSmallAffineBrightnessAndContrast() {
    AugmentationConfig d = AugmentationConfig.DEFAULT;
    assertEquals(Map.of(
        AugmentOp.FLIP, new AugmentationConfig.Setting(0.5, 1),
        AugmentOp.AFFINE, new AugmentationConfig.Setting(0.5, 0.25),
        AugmentOp.BRIGHTNESS, new AugmentationConfig.Setting(0.5, 0.2),
        AugmentOp.CONTRAST, new AugmentationConfig.Setting(0.5, 0.2)), d.ops());
    assertEquals("flip,affine,brightness,contrast", d.toString());
    assertEquals(List.of(
        "flip (probability 0.5): mirrored left to right",
        "affine (probability 0.5, strength 0.25): rotated by up to ±7.5°, shifted by up to ±5 %"
            + " and zoomed by up to ±5 % per axis, sheared by up to ±2.5°; border pixels"
            + " repeated outwards",
        "brightness (probability 0.5, strength 0.2): every pixel shifted by up to ±10 % of full"
            + " scale",
        "contrast (probability 0.5, strength 0.2): contrast scaled by 0.8 to 1.2"), d.describe());
  }

  @Test
  void onOffWordsAndBlankMeanTheDefaultSetOrNone() {
    for (String on : List.of("true", "default", " Default ", "TRUE")) {
      assertEquals(AugmentationConfig.DEFAULT, AugmentationConfig.parse(on), on);
    }
    for (String off : List.of("false", "none", "", " ", "None")) {
      assertEquals(AugmentationConfig.NONE, AugmentationConfig.parse(off), off);
    }
    assertEquals(AugmentationConfig.NONE, AugmentationConfig.parse(null));
    assertEquals("none", AugmentationConfig.NONE.toString());
  }

  @Test
  void namesTakeAStrengthAndAProbability() {
    AugmentationConfig c = AugmentationConfig.parse("flip, affine:0.3, cutout:0.2@0.25, vflip@1");
    assertEquals(Map.of(
        AugmentOp.FLIP, new AugmentationConfig.Setting(0.5, 1),
        AugmentOp.VFLIP, new AugmentationConfig.Setting(1, 1),
        AugmentOp.AFFINE, new AugmentationConfig.Setting(0.5, 0.3),
        AugmentOp.CUTOUT, new AugmentationConfig.Setting(0.25, 0.2)), c.ops());
    assertEquals("flip,vflip@1,affine:0.3,cutout:0.2@0.25", c.toString(), "in the order they run");
    assertEquals("cutout (probability 0.25, strength 0.2): a rectangle of 5 to 20 % of each side"
        + " filled with the mean colour", c.describe().get(3));
  }

  @Test
  void defaultInAListAddsTheDefaultSetAndLaterItemsWin() {
    assertEquals("flip,affine,brightness,contrast,cutout",
        AugmentationConfig.parse("default,cutout").toString());
    assertEquals("flip,affine:0.5,brightness,contrast",
        AugmentationConfig.parse("default,affine:0.5").toString());
    assertEquals("flip,brightness,contrast",
        AugmentationConfig.parse("default,affine@0").toString());
    assertEquals("affine:0.1", AugmentationConfig.parse("affine:0.9,affine:0.1").toString());
  }

  @Test
  void whatToStringWritesParsesBackToTheSameConfig() {
    for (String spec : List.of("flip", "vflip@0.125,salt-pepper:0.05@0.1",
        "flip@0.25,affine:1,brightness:0,contrast:0.35@0.75,cutout:0.4")) {
      AugmentationConfig c = AugmentationConfig.parse(spec);
      assertEquals(spec, c.toString());
      assertEquals(c, AugmentationConfig.parse(c.toString()));
    }
    AugmentationConfig all = AugmentationConfig.all(0.5);
    assertEquals(AugmentOp.values().length, all.ops().size());
    assertEquals(all, AugmentationConfig.parse(all.toString()));
    assertEquals("flip,vflip,affine,brightness,contrast,cutout,salt-pepper", all.toString());
  }

  @Test
  void aBadSpecIsNamedWithTheKnownOperations() {
    assertEquals("augmentation 'flip,flop': unknown operation 'flop'; known: flip, vflip, affine,"
        + " brightness, contrast, cutout, salt-pepper, or 'default' for"
        + " flip,affine,brightness,contrast ('none' alone turns augmentation off)",
        message("flip,flop"));
    assertEquals("augmentation 'affine:1.5': a strength is a number in [0, 1], got '1.5'",
        message("affine:1.5"));
    assertEquals("augmentation 'affine:x': a strength is a number in [0, 1], got 'x'",
        message("affine:x"));
    assertEquals("augmentation 'cutout@2': a probability is a number in [0, 1], got '2'",
        message("cutout@2"));
    assertEquals("augmentation 'flip:0.3': flip has no strength, only a probability, e.g."
        + " flip@0.5", message("flip:0.3"));
    assertEquals("augmentation 'flip,,affine': an empty item; known: flip, vflip, affine,"
        + " brightness, contrast, cutout, salt-pepper, or 'default' for"
        + " flip,affine,brightness,contrast ('none' alone turns augmentation off)",
        message("flip,,affine"));
    assertEquals(true, message("none,flip").contains("unknown operation 'none'"));
  }
}
