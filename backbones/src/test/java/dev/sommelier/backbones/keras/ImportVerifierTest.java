package dev.sommelier.backbones.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.backbones.Fixtures;
import dev.sommelier.core.Device;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportVerifierTest {

  @Test
  void rebuiltKerasMobileNetMatchesItsSavedModel() {
    ImportVerification v =
        ImportVerifier.verify(Fixtures.kerasMobileNet(), BackboneRegistry.load(), Device.CPU, 3, 42);
    assertEquals("mobilenet_v1:alpha=1.0", v.backbone());
    assertEquals(224, v.inputSize());
    assertEquals(List.of(3L, 1000L), v.outputShape());
    assertEquals(137, v.importedVariables());
    assertEquals(4_253_864L, v.parameters());
    assertEquals(6, v.topLayers().size());
    assertTrue(v.outputsDifferAcrossImages(), "test images must give different outputs");
    assertTrue(v.maxAbsOutput() > 1e-3, "outputs must not be all zero: " + v.maxAbsOutput());
    assertTrue(v.maxAbsDifference() <= 1e-4, "max |diff| " + v.maxAbsDifference());
  }
}
