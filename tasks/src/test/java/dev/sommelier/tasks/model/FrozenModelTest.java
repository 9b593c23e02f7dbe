package dev.sommelier.tasks.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.core.Device;
import dev.sommelier.core.ModelVariable;
import dev.sommelier.core.Precision;
import dev.sommelier.core.Tensors;
import dev.sommelier.core.WeightAssigner;
import dev.sommelier.core.layers.BatchNormMode;
import dev.sommelier.heads.HeadSpec;
import dev.sommelier.heads.Pooling;
import dev.sommelier.tasks.explain.CamMethod;
import dev.sommelier.tasks.explain.CamResult;
import dev.sommelier.tasks.explain.CamTarget;
import dev.sommelier.tasks.explain.ExplainMethod;
import dev.sommelier.tasks.explain.ExplainMethods;
import dev.sommelier.tasks.explain.GradCam;
import dev.sommelier.tasks.explain.PixelMethod;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.GraphOperation;
import org.tensorflow.types.TFloat32;

/**
 * A frozen model against the model of variables it was made from, on real architectures whose
 * batch norms have random statistics (so that folding them changes every convolution): the same
 * probabilities within 1e-5 and the same maps of every explain method within 1e-4.
 */
class FrozenModelTest {

  private static final List<String> CLASSES = List.of("a", "b", "c");

  @TempDir Path tmp;

  @Test
  void frozenMobileNetPredictsAndExplainsAsTheVariableGraphDoes() {
    try (TaskModel model = model("mobilenet_v1:alpha=0.25", 96);
        TaskModel frozen = model.frozen(Precision.FP32)) {
      float[] x = images(model, 3);
      assertClose(model.predict(x, 3), frozen.predict(x, 3), 1e-5, "probabilities");
      for (ExplainMethod m : ExplainMethods.all()) {
        assertSameMaps(model, frozen, m, x, 3);
      }
      assertEquals(0, count(frozen, "VariableV2"), "no variables");
      assertEquals(0, count(frozen, "FusedBatchNormV3"), "every batch norm folded");
      assertEquals(0, count(model, "FusedBatchNormV3"), "folded in the variable graph too");
    }
  }

  /** Slow (about 35 s here: ResNet50's 25 million weights are built, read and frozen). */
  @Test
  @Tag("slow")
  void frozenResNetPredictsAndExplainsAsTheVariableGraphDoes() {
    try (TaskModel model = model("resnet50", 64);
        TaskModel frozen = model.frozen(Precision.FP32)) {
      float[] x = images(model, 2);
      assertClose(model.predict(x, 2), frozen.predict(x, 2), 1e-5, "probabilities");
      assertSameMaps(model, frozen, CamMethod.GRAD_CAM, x, 2);
      assertSameMaps(model, frozen, PixelMethod.SALIENCY, x, 2);
      assertEquals(0, count(frozen, "FusedBatchNormV3"));
    }
  }

  @Test
  void aConvolutionWithItsBatchNormFoldedStaysALayerToExplain() {
    try (TaskModel model = model("mobilenet_v1:alpha=0.25", 32);
        TaskModel frozen = model.frozen(Precision.FP32)) {
      assertEquals("conv_pw_13", GradCam.of(frozen, "conv_pw_13").layer());
      assertEquals("conv_pw_13", GradCam.of(model, "conv_pw_13").layer());
    }
  }

  @Test
  void aSavedModelLoadsFrozenByDefaultAndAsVariablesOnRequest() {
    Path dir = tmp.resolve("model");
    float[] expected;
    float[] x;
    try (TaskModel model = model("mobilenet_v1:alpha=0.25", 32)) {
      ModelStore.save(model, dir, Map.of());
      x = images(model, 2);
      expected = model.predict(x, 2);
    }
    BackboneRegistry registry = BackboneRegistry.load();
    try (TaskModel frozen = ModelStore.load(dir, registry, Device.CPU, InferenceOptions.DEFAULT);
        TaskModel variables = ModelStore.load(dir, registry, Device.CPU,
            InferenceOptions.DEFAULT.withFrozen(false))) {
      assertEquals(0, count(frozen, "VariableV2"));
      assertTrue(count(variables, "VariableV2") > 0);
      assertClose(expected, frozen.predict(x, 2), 1e-5, "frozen");
      assertClose(expected, variables.predict(x, 2), 0, "variables");
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> ModelStore.save(frozen, tmp.resolve("again"), Map.of()));
      assertTrue(e.getMessage().contains("frozen for inference"), e.getMessage());
    }
  }

  /** A 3-class model whose batch norms have seeded random statistics, gains and shifts. */
  private static TaskModel model(String backbone, int size) {
    TaskModel m = TaskModel.create(new ModelConfig(backbone, size,
        HeadSpec.softmax(3, Pooling.GAP, 0f), CLASSES, BatchNormMode.FROZEN, 3),
        BackboneRegistry.load(), Device.CPU);
    Random r = new Random(17);
    Map<String, TFloat32> values = new HashMap<>();
    try {
      for (ModelVariable v : m.runtime().variables().all()) {
        String w = v.name().substring(v.name().lastIndexOf('/') + 1);
        float low = switch (w) {
          case "moving_variance" -> 0.3f;
          case "gamma" -> 0.5f;
          case "moving_mean", "beta" -> -0.3f;
          default -> Float.NaN;
        };
        if (!Float.isNaN(low)) {
          float[] a = new float[Math.toIntExact(v.size())];
          for (int i = 0; i < a.length; i++) {
            a[i] = low + (w.equals("moving_variance") ? 1.5f : 1f) * r.nextFloat();
          }
          values.put(v.name(), Tensors.of(v.shape(), a));
        }
      }
      new WeightAssigner(m.runtime()).assign(values);
      return m;
    } catch (RuntimeException e) {
      m.close();
      throw e;
    } finally {
      values.values().forEach(TFloat32::close);
    }
  }

  /** {@code n} seeded random images, preprocessed as {@code m} does. */
  static float[] images(TaskModel m, int n) {
    int size = m.config().inputSize();
    float[] x = new float[n * size * size * 3];
    Random r = new Random(4);
    for (int i = 0; i < x.length; i++) {
      x[i] = 255 * r.nextFloat();
    }
    m.preprocessing().applyInPlace(x);
    return x;
  }

  private static void assertSameMaps(
      TaskModel model, TaskModel frozen, ExplainMethod method, float[] x, int n) {
    CamTarget target = CamTarget.predictedClass();
    List<CamResult> expected = method.explainer(model, null).explain(x, n, target);
    List<CamResult> actual = method.explainer(frozen, null).explain(x, n, target);
    float peak = 0;
    for (int i = 0; i < n; i++) {
      assertClose(expected.get(i).map().values(), actual.get(i).map().values(), 1e-4,
          method.label() + " map " + i);
      for (float v : expected.get(i).map().values()) {
        peak = Math.max(peak, v);
      }
    }
    assertEquals(1f, peak, 1e-6, method.label() + ": the maps are not all zero");
  }

  private static void assertClose(float[] expected, float[] actual, double tolerance, String what) {
    assertEquals(expected.length, actual.length, what);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], tolerance, what + "[" + i + "]");
    }
  }

  private static int count(TaskModel m, String type) {
    int n = 0;
    for (Iterator<GraphOperation> it = m.runtime().graph().operations(); it.hasNext(); ) {
      n += it.next().type().equals(type) ? 1 : 0;
    }
    return n;
  }
}
