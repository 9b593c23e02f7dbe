package dev.sommelier.tasks.data.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sommelier.backbones.keras.KerasLayer;
import java.util.List;
import org.junit.jupiter.api.Test;

class KerasAugmentationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static KerasLayer layer(String cls, String config) throws Exception {
    return new KerasLayer(cls, cls.toLowerCase(), JSON.readTree(config), List.of(), null);
  }

  @Test
  void theIssuesKerasModelFlipsAndRotates() throws Exception {
    // RandomFlip("horizontal"), RandomRotation(0.1): a tenth of a turn is 36 degrees, more than
    // the 30 degrees of affine at strength 1, so the strength is capped.
    KerasAugmentation a = KerasAugmentation.of(List.of(
        layer("RandomFlip", "{\"mode\": \"horizontal\"}"),
        layer("RandomRotation", "{\"factor\": 0.1}")));
    assertEquals(AugmentationConfig.parse("flip,affine:1@1"), a.config());
    assertEquals(List.of(), a.unmatched());
  }

  @Test
  void rangesBecomeStrengths() throws Exception {
    KerasAugmentation a = KerasAugmentation.of(List.of(
        layer("RandomFlip", "{\"mode\": \"horizontal_and_vertical\"}"),
        layer("RandomRotation", "{\"factor\": [-0.02, 0.02]}"),   // 7.2 degrees: 0.24 of 30
        layer("RandomZoom", "{\"height_factor\": 0.06, \"width_factor\": null}"),  // 0.3 of 0.2
        layer("RandomContrast", "{\"factor\": 0.2}"),
        layer("RandomBrightness", "{\"factor\": 0.1}")));          // 0.1 of 255 over 0.5 of 255
    AugmentationConfig c = a.config();
    assertEquals(0.5, c.ops().get(AugmentOp.FLIP).probability(), 0);
    assertEquals(0.5, c.ops().get(AugmentOp.VFLIP).probability(), 0);
    assertEquals(0.3, c.ops().get(AugmentOp.AFFINE).strength(), 1e-9);
    assertEquals(1, c.ops().get(AugmentOp.AFFINE).probability(), 0);
    assertEquals(0.2, c.ops().get(AugmentOp.CONTRAST).strength(), 1e-9);
    assertEquals(0.2, c.ops().get(AugmentOp.BRIGHTNESS).strength(), 1e-9);
  }

  @Test
  void aLayerWithoutEquivalentIsNamed() throws Exception {
    KerasAugmentation a = KerasAugmentation.of(List.of(layer("RandomCrop", "{\"height\": 8}")));
    assertEquals(AugmentationConfig.NONE, a.config());
    assertEquals(List.of("randomcrop (RandomCrop)"), a.unmatched());
  }
}
