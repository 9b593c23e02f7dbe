package dev.sommelier.tasks.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExplainMethodsTest {

  @Test
  void everyMethodIsFoundByItsLabelAndWritesItsNameAsJson() throws Exception {
    assertEquals(List.of("gradcam", "gradcam++", "xgradcam", "hirescam", "layercam", "eigencam",
        "fusion", "scorecam", "saliency", "smoothgrad", "integrated-gradients"),
        ExplainMethods.labels());
    assertEquals(List.of("gradcam", "gradcam++", "xgradcam", "hirescam", "layercam", "eigencam",
        "fusion", "saliency"), ExplainMethods.cheap().stream().map(ExplainMethod::label).toList());
    ObjectMapper json = new ObjectMapper();
    for (ExplainMethod m : ExplainMethods.all()) {
      assertSame(m, ExplainMethods.named(m.label().toUpperCase()));
      assertEquals("{\"method\":\"" + m.name() + "\"}",
          json.writeValueAsString(Map.of("method", m)));
    }
    assertSame(CamMethod.GRAD_CAM_PLUS_PLUS, ExplainMethods.named("Grad-CAM-PP"));
    assertSame(PixelMethod.INTEGRATED_GRADIENTS, ExplainMethods.named("ig"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ExplainMethods.named("lime"));
    assertTrue(e.getMessage().contains("'lime'") && e.getMessage().contains("eigencam"),
        e.getMessage());
  }
}
