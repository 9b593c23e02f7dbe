package dev.sommelier.tasks.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.core.Device;
import dev.sommelier.core.Tensors;
import dev.sommelier.core.layers.BatchNormMode;
import dev.sommelier.heads.HeadSpec;
import dev.sommelier.heads.Pooling;
import dev.sommelier.tasks.model.ModelConfig;
import dev.sommelier.tasks.model.TaskModel;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class GradCamTest {

  private static final int SIZE = 16;
  private static final String LAYER = "block2_relu";

  private static TaskModel classifier;
  private static TaskModel regressor;

  @BeforeAll
  static void models() {
    classifier = TaskModel.create(new ModelConfig("simple_cnn:blocks=2,width=4", SIZE,
        HeadSpec.softmax(3, Pooling.GAP, 0f), List.of("a", "b", "c"), BatchNormMode.FROZEN, 11),
        BackboneRegistry.load(), Device.CPU);
    regressor = TaskModel.create(new ModelConfig("simple_cnn:blocks=2,width=4", SIZE,
        HeadSpec.regressor(4, Pooling.GAP), List.of(), BatchNormMode.FROZEN, 13),
        BackboneRegistry.load(), Device.CPU);
  }

  @AfterAll
  static void close() {
    classifier.close();
    regressor.close();
  }

  private static float[] images(int n, long seed) {
    Random r = new Random(seed);
    float[] x = new float[n * SIZE * SIZE * 3];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextFloat();
    }
    return x;
  }

  @Test
  void gradientsMatchCentralDifferencesOfEachImagesOwnScore() {
    String layer = "block2_pool";
    GradCam cam = GradCam.of(classifier, layer);
    int n = 2;
    int c = 1;
    float[] x = images(n, 3);
    LayerFetch f = cam.fetch(x, n, CamTarget.classProbability(c));
    float[] a = f.activations();
    float scale = 0;
    for (float g : f.gradients()) {
      scale = Math.max(scale, Math.abs(g));
    }
    assertTrue(scale > 1e-4f, "gradients are all ~0: " + scale);
    Operand<TFloat32> layerOut = classifier.graph().output(layer);
    float eps = 1e-2f;
    int checked = 0;
    for (int b = 0; b < n; b++) {
      for (int i = 0; i < f.imageSize(); i += 7) {
        int at = b * f.imageSize() + i;
        float[] plus = a.clone();
        plus[at] += eps;
        float[] minus = a.clone();
        minus[at] -= eps;
        double fd = (probability(layerOut, f, plus, b, c) - probability(layerOut, f, minus, b, c))
            / (2.0 * eps);
        assertEquals(f.gradients()[at], fd, 1e-2 * scale, "image " + b + " index " + i);
        checked++;
      }
    }
    assertTrue(checked > 20);
  }

  private static double probability(Operand<TFloat32> layerOut, LayerFetch f, float[] a, int b,
      int c) {
    Shape s = Shape.of(f.n(), f.height(), f.width(), f.channels());
    try (TFloat32 t = Tensors.of(s, a);
        Result r = classifier.runtime().session().runner().feed(layerOut, t)
            .fetch(classifier.output().prediction()).run()) {
      return Tensors.values(r.get(0))[b * f.outputs() + c];
    }
  }

  @Test
  void gradCamMapEqualsTheFormulaOnIndependentlyFetchedGradients() {
    int n = 3;
    int c = 2;
    float[] x = images(n, 5);
    float[][] ag = independentFetch(classifier, LAYER, x, n, c);
    List<CamResult> got = GradCam.of(classifier, LAYER).explain(x, n, CamTarget.classLogit(c),
        CamMethod.GRAD_CAM);
    List<CamResult> gotPlus = GradCam.of(classifier, LAYER).explain(x, n, CamTarget.classLogit(c),
        CamMethod.GRAD_CAM_PLUS_PLUS);
    float[] predicted = classifier.predict(x, n);
    int hw = 8 * 8;
    int channels = 8;
    for (int b = 0; b < n; b++) {
      CamMap map = got.get(b).map();
      assertEquals(8, map.height());
      assertEquals(8, map.width());
      assertEquals("class 'c' (logit)", map.target());
      assertEquals(c, got.get(b).classIndex());
      assertArrayEquals(Arrays.copyOfRange(predicted, 3 * b, 3 * b + 3),
          got.get(b).prediction(), 1e-6f);
      assertArrayEquals(expectedGradCam(ag[0], ag[1], b, hw, channels), map.values(), 1e-5f);
      assertArrayEquals(expectedGradCamPlusPlus(ag[0], ag[1], b, hw, channels),
          gotPlus.get(b).map().values(), 1e-5f);
      assertEquals(1f, max(map.values()), 1e-6f);
    }
  }

  /**
   * Activations and gradients at {@code layer} of {@code sum_b logit[b, c]}, from the test's own
   * gradient graph ({@code x}: {@code n} preprocessed images of the model's input size).
   */
  static float[][] independentFetch(TaskModel model, String layer, float[] x, int n, int c) {
    Ops tf = model.runtime().ops();
    int size = model.config().inputSize();
    Operand<TFloat32> a = model.graph().output(layer);
    Operand<TFloat32> y = tf.reduceSum(
        tf.gather(model.output().score(), tf.constant(c), tf.constant(1)), tf.constant(0));
    Output<?> g =
        model.runtime().graph().addGradients(y.asOutput(), new Output<?>[] {a.asOutput()})[0];
    try (TFloat32 in = Tensors.of(Shape.of(n, size, size, 3), x);
        Result r = model.runtime().session().runner().feed(model.input(), in).fetch(a).fetch(g)
            .run()) {
      return new float[][] {Tensors.values(r.get(0)), Tensors.values(r.get(1))};
    }
  }

  private static float[] expectedGradCam(float[] a, float[] g, int b, int hw, int channels) {
    double[] w = new double[channels];
    for (int k = 0; k < channels; k++) {
      for (int p = 0; p < hw; p++) {
        w[k] += g[(b * hw + p) * channels + k] / (double) hw;
      }
    }
    return reluNormalised(a, w, b, hw, channels);
  }

  private static float[] expectedGradCamPlusPlus(float[] a, float[] g, int b, int hw,
      int channels) {
    double[] w = new double[channels];
    for (int k = 0; k < channels; k++) {
      double sumA = 0;
      for (int p = 0; p < hw; p++) {
        sumA += a[(b * hw + p) * channels + k];
      }
      for (int p = 0; p < hw; p++) {
        double gi = g[(b * hw + p) * channels + k];
        double denominator = 2 * Math.pow(gi, 2) + sumA * Math.pow(gi, 3);
        double alpha = denominator == 0 ? 0 : Math.pow(gi, 2) / denominator;
        w[k] += alpha * Math.max(0, gi);
      }
    }
    return reluNormalised(a, w, b, hw, channels);
  }

  private static float[] reluNormalised(float[] a, double[] w, int b, int hw, int channels) {
    double[] raw = new double[hw];
    double max = 0;
    for (int p = 0; p < hw; p++) {
      for (int k = 0; k < channels; k++) {
        raw[p] += w[k] * a[(b * hw + p) * channels + k];
      }
      raw[p] = Math.max(0, raw[p]);
      max = Math.max(max, raw[p]);
    }
    float[] out = new float[hw];
    for (int p = 0; p < hw; p++) {
      out[p] = max == 0 ? 0f : (float) (raw[p] / max);
    }
    return out;
  }

  private static float max(float[] v) {
    float m = Float.NEGATIVE_INFINITY;
    for (float x : v) {
      m = Math.max(m, x);
    }
    return m;
  }

  @Test
  void raisingAndLoweringMapsOfAValueNeverOverlap() {
    int n = 4;
    float[] x = images(n, 7);
    GradCam cam = GradCam.of(regressor);
    assertEquals(LAYER, cam.layer());
    List<CamResult> up = cam.explain(x, n, CamTarget.value(true), CamMethod.GRAD_CAM);
    List<CamResult> down = cam.explain(x, n, CamTarget.value(false), CamMethod.GRAD_CAM);
    float[] values = regressor.predict(x, n);
    int raised = 0;
    int lowered = 0;
    for (int b = 0; b < n; b++) {
      CamMap u = up.get(b).map();
      CamMap d = down.get(b).map();
      assertEquals(8, u.height());
      assertEquals(8, d.width());
      assertEquals("value, raising", u.target());
      assertEquals("value, lowering", d.target());
      assertEquals(values[b], u.score(), 1e-5f);
      assertEquals(values[b], d.score(), 1e-5f);
      assertEquals(-1, down.get(b).classIndex());
      for (int p = 0; p < u.values().length; p++) {
        assertEquals(0f, u.values()[p] * d.values()[p], "cell " + p + " of image " + b);
        raised += u.values()[p] > 0 ? 1 : 0;
        lowered += d.values()[p] > 0 ? 1 : 0;
      }
    }
    assertTrue(raised > 0 && lowered > 0, "raised " + raised + ", lowered " + lowered);
  }

  @Test
  void aBatchGivesTheMapsOfOneImageAtATime() {
    int n = 5;
    float[] x = images(n, 9);
    GradCam cam = GradCam.of(classifier, LAYER);
    for (CamMethod method : CamMethod.values()) {
      List<CamResult> batch = cam.explain(x, n, CamTarget.predictedClass(), method);
      int per = SIZE * SIZE * 3;
      for (int b = 0; b < n; b++) {
        float[] one = Arrays.copyOfRange(x, b * per, (b + 1) * per);
        CamResult single = cam.explain(one, 1, CamTarget.predictedClass(), method).get(0);
        assertArrayEquals(single.map().values(), batch.get(b).map().values(), 1e-5f);
        assertEquals(single.classIndex(), batch.get(b).classIndex());
        assertEquals(single.map().score(), batch.get(b).map().score(), 1e-5f);
      }
    }
  }

  @Test
  void predictedClassExplainsEachImagesTopClassLogit() {
    int n = 6;
    float[] x = images(n, 21);
    GradCam cam = GradCam.of(classifier, LAYER);
    List<CamResult> top = cam.explain(x, n, CamTarget.predictedClass(), CamMethod.GRAD_CAM);
    for (int b = 0; b < n; b++) {
      float[] p = top.get(b).prediction();
      int best = p[0] >= p[1] && p[0] >= p[2] ? 0 : p[1] >= p[2] ? 1 : 2;
      assertEquals(best, top.get(b).classIndex());
      int per = SIZE * SIZE * 3;
      float[] one = Arrays.copyOfRange(x, b * per, (b + 1) * per);
      CamResult byIndex =
          cam.explain(one, 1, CamTarget.classLogit(best), CamMethod.GRAD_CAM).get(0);
      assertArrayEquals(byIndex.map().values(), top.get(b).map().values(), 1e-5f);
      assertEquals(byIndex.map().score(), top.get(b).map().score(), 1e-5f);
      assertEquals("predicted class '" + "abc".charAt(best) + "' (logit)",
          top.get(b).map().target());
    }
  }

  @Test
  void anUnknownLayerOrAMisfittingTargetIsAClearError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GradCam.of(classifier, "block9_relu"));
    assertTrue(e.getMessage().contains("no layer 'block9_relu'"), e.getMessage());
    assertTrue(e.getMessage().contains("block2_relu"), e.getMessage());
    IllegalArgumentException flat = assertThrows(IllegalArgumentException.class,
        () -> GradCam.of(classifier, "predictions"));
    assertTrue(flat.getMessage().contains("no spatial output"), flat.getMessage());
    GradCam cam = GradCam.of(classifier);
    float[] x = images(1, 1);
    assertThrows(IllegalArgumentException.class,
        () -> cam.explain(x, 1, CamTarget.value(true), CamMethod.GRAD_CAM));
    assertThrows(IllegalArgumentException.class,
        () -> cam.explain(x, 1, CamTarget.classLogit(3), CamMethod.GRAD_CAM));
    assertThrows(IllegalArgumentException.class,
        () -> cam.explain(x, 2, CamTarget.classLogit(0), CamMethod.GRAD_CAM));
    assertThrows(IllegalArgumentException.class, () -> GradCam.of(regressor)
        .explain(x, 1, CamTarget.predictedClass(), CamMethod.GRAD_CAM));
  }
}
