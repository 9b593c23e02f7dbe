package dev.sommelier.tasks.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.core.Device;
import dev.sommelier.core.layers.BatchNormMode;
import dev.sommelier.heads.HeadSpec;
import dev.sommelier.heads.Pooling;
import dev.sommelier.tasks.model.ModelConfig;
import dev.sommelier.tasks.model.TaskModel;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every explanation method on a regressor, for what raises the value and for what lowers it. How
 * the two maps must relate follows from each method's formula: a method that takes absolute
 * gradients or no gradient at all (saliency, SmoothGrad, Eigen-CAM) gives the same map both ways;
 * one that is linear in the target's gradient before its positive part (Grad-CAM, XGrad-CAM,
 * HiResCAM, Integrated Gradients) gives maps that are never both positive in one cell, since
 * lowering negates every weight; the others (Grad-CAM++, LayerCAM and its fusion, Score-CAM) give
 * maps that differ.
 */
class RegressorMethodsTest {

  private static final int SIZE = 16;
  private static final int N = 3;
  private static final Set<String> DIRECTION_FREE = Set.of("eigencam", "saliency", "smoothgrad");
  private static final Set<String> SIGN_FLIPPING =
      Set.of("gradcam", "xgradcam", "hirescam", "integrated-gradients");
  private static final Set<String> OTHERS = Set.of("gradcam++", "layercam", "fusion", "scorecam");

  private static TaskModel regressor;
  private static float[] images;

  @BeforeAll
  static void model() {
    regressor = TaskModel.create(new ModelConfig("simple_cnn:blocks=2,width=4", SIZE,
        HeadSpec.regressor(4, Pooling.GAP), List.of(), BatchNormMode.FROZEN, 13),
        BackboneRegistry.load(), Device.CPU);
    Random r = new Random(3);
    images = new float[N * SIZE * SIZE * 3];
    for (int i = 0; i < images.length; i++) {
      images[i] = r.nextFloat();
    }
  }

  @AfterAll
  static void close() {
    regressor.close();
  }

  @Test
  void everyMethodIsInOneOfTheThreeGroups() {
    Set<String> grouped = new java.util.HashSet<>(DIRECTION_FREE);
    grouped.addAll(SIGN_FLIPPING);
    grouped.addAll(OTHERS);
    assertEquals(grouped, ExplainMethods.all().stream().map(ExplainMethod::label)
        .collect(Collectors.toSet()));
  }

  @TestFactory
  List<DynamicTest> raisingAndLoweringMapsRelateAsTheMethodsFormulaSays() {
    return ExplainMethods.all().stream().map(m -> DynamicTest.dynamicTest(m.label(), () -> {
      Explainer explainer = m.explainer(regressor, null);
      List<CamResult> up = explainer.explain(images, N, CamTarget.value(true));
      List<CamResult> down = explainer.explain(images, N, CamTarget.value(false));
      float[] values = regressor.predict(images, N);
      double largestDifference = 0;
      int bothPositive = 0;
      int positiveUp = 0;
      int positiveDown = 0;
      for (int b = 0; b < N; b++) {
        CamMap u = up.get(b).map();
        CamMap d = down.get(b).map();
        assertEquals("value, raising", u.target(), m.label());
        assertEquals("value, lowering", d.target(), m.label());
        assertEquals(-1, up.get(b).classIndex(), m.label());
        assertEquals(values[b], up.get(b).prediction()[0], 1e-5f, m.label());
        for (int p = 0; p < u.values().length; p++) {
          float a = u.values()[p];
          float c = d.values()[p];
          assertTrue(a >= 0 && a <= 1 && c >= 0 && c <= 1, m.label() + ": " + a + ", " + c);
          largestDifference = Math.max(largestDifference, Math.abs(a - c));
          bothPositive += a > 1e-6 && c > 1e-6 ? 1 : 0;
          positiveUp += a > 1e-6 ? 1 : 0;
          positiveDown += c > 1e-6 ? 1 : 0;
        }
      }
      assertTrue(positiveUp > 0 || positiveDown > 0, m.label() + ": every map is empty");
      if (DIRECTION_FREE.contains(m.label())) {
        assertTrue(largestDifference < 1e-5, m.label() + " differs by " + largestDifference);
      } else if (SIGN_FLIPPING.contains(m.label())) {
        assertEquals(0, bothPositive, m.label() + ": cells positive both ways");
        assertTrue(positiveUp > 0 && positiveDown > 0,
            m.label() + ": raised " + positiveUp + ", lowered " + positiveDown);
      } else {
        assertTrue(largestDifference > 1e-3, m.label() + " differs by " + largestDifference);
      }
    })).toList();
  }
}
