package dev.sommelier.core.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.core.Device;
import dev.sommelier.core.ModelRuntime;
import dev.sommelier.core.ModelVariable;
import dev.sommelier.core.Tensors;
import dev.sommelier.core.WeightAssigner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Batch norm folded into its convolution ({@link FoldedBatchNorm}) against TensorFlow's own fused
 * batch-norm op applied to the convolution's output, and a frozen graph against the variable graph
 * it was read from: every layer gives the same values, and the frozen graph has no variable.
 */
class FrozenWeightsTest {

  private static final int H = 7;
  private static final int W = 6;
  private static final String[] LAYERS = {"conv1_bn", "conv1_relu", "dw_bn", "dw_relu", "pw_bn",
      "twice_bn", "sum", "input_bn", "pool", "dense"};

  /**
   * Conv with bias - BN - ReLU, depthwise - BN - ReLU6, conv without bias - BN; a conv that two
   * layers read, and a BN whose input is no convolution (not folded).
   */
  private static Placeholder<TFloat32> build(LayerGraph g) {
    Placeholder<TFloat32> in = g.input("image", H, W, 3);
    Operand<TFloat32> x = g.conv2d("conv1", in, 4, 3, 3, 1, Padding.SAME, true);
    x = g.batchNorm("conv1_bn", x, 1e-3f, 0.99f);
    x = g.activation("conv1_relu", x, Activation.RELU);
    x = g.depthwiseConv2d("dw", x, 3, 2, Padding.SAME, false);
    x = g.batchNorm("dw_bn", x, 1e-3f, 0.99f);
    x = g.relu6("dw_relu", x);
    x = g.conv2d("pw", x, 5, 1, 1, 1, Padding.SAME, false);
    x = g.batchNorm("pw_bn", x, 1e-5f, 0.99f);
    Operand<TFloat32> twice = g.conv2d("twice", x, 5, 1, 1, 1, Padding.SAME, false);
    Operand<TFloat32> y = g.batchNorm("twice_bn", twice, 1e-3f, 0.99f);
    x = g.add("sum", y, twice);
    g.batchNorm("input_bn", in, 1e-3f, 0.99f);
    x = g.globalAveragePooling("pool", x);
    g.dense("dense", x, 2, Activation.LINEAR);
    return in;
  }

  @Test
  void frozenGraphComputesWhatTheVariableGraphComputes() {
    float[] images = random(new Random(11), 2 * H * W * 3, 0f, 1f);
    try (ModelRuntime source = ModelRuntime.open(Device.CPU, 7);
        ModelRuntime frozen = ModelRuntime.open(Device.CPU, 7)) {
      LayerGraph g = LayerGraph.inference(source);
      Placeholder<TFloat32> in = build(g);
      assignRandom(source);
      FrozenWeights weights = FrozenWeights.read(g);
      LayerGraph f = LayerGraph.frozen(frozen, weights);
      Placeholder<TFloat32> frozenIn = build(f);

      List<float[]> expected = run(source, in, g, images);
      List<float[]> actual = run(frozen, frozenIn, f, images);
      for (int i = 0; i < LAYERS.length; i++) {
        float[] e = expected.get(i);
        float[] a = actual.get(i);
        assertEquals(e.length, a.length, LAYERS[i]);
        for (int j = 0; j < e.length; j++) {
          assertEquals(e[j], a[j], 1e-5 * Math.max(1, Math.abs(e[j])), LAYERS[i] + "[" + j + "]");
        }
      }

      assertTrue(f.has("conv1"), "a folded convolution's own output stays a layer");
      Map<String, Integer> types = opTypes(frozen);
      assertEquals(1, types.getOrDefault("FusedBatchNormV3", 0),
          "only input_bn, after no convolution, keeps a batch-norm op: " + types);
      assertNull(types.get("VariableV2"), "no variables: " + types);
    }
  }

  @Test
  void foldedBatchNormEqualsTensorFlowsFusedOpOnTheConvolutionsOutput() {
    float[] images = random(new Random(12), 2 * H * W * 3, 0f, 1f);
    String[][] pairs = {{"conv1", "conv1_bn"}, {"dw", "dw_bn"}, {"pw", "pw_bn"},
        {"twice", "twice_bn"}};
    float[] epsilons = {1e-3f, 1e-3f, 1e-5f, 1e-3f};
    try (ModelRuntime rt = ModelRuntime.open(Device.CPU, 7)) {
      LayerGraph g = LayerGraph.inference(rt);
      Placeholder<TFloat32> in = build(g);
      assignRandom(rt);
      var ops = rt.ops().withSubScope("reference");
      var runner = rt.session().runner();
      for (int i = 0; i < pairs.length; i++) {
        String bn = pairs[i][1];
        runner.fetch(g.output(bn));
        runner.fetch(ops.nn.fusedBatchNorm(g.output(pairs[i][0]), read(rt, bn, "gamma"),
            read(rt, bn, "beta"), read(rt, bn, "moving_mean"), read(rt, bn, "moving_variance"),
            org.tensorflow.op.nn.FusedBatchNorm.epsilon(epsilons[i]),
            org.tensorflow.op.nn.FusedBatchNorm.isTraining(false)).y());
      }
      try (TFloat32 x = Tensors.of(Shape.of(2, H, W, 3), images);
          Result r = runner.feed(in, x).run()) {
        for (int i = 0; i < pairs.length; i++) {
          float[] folded = Tensors.values(r.get(2 * i));
          float[] fused = Tensors.values(r.get(2 * i + 1));
          assertEquals(fused.length, folded.length);
          for (int j = 0; j < fused.length; j++) {
            assertEquals(fused[j], folded[j], 1e-5 * Math.max(1, Math.abs(fused[j])),
                pairs[i][1] + "[" + j + "]");
          }
        }
      }
      assertFalse(g.output("conv1_bn").op().type().startsWith("FusedBatchNorm"),
          "conv1_bn is folded: " + g.output("conv1_bn").op().type());
    }
  }

  private static Operand<TFloat32> read(ModelRuntime rt, String layer, String weight) {
    return rt.variables().all().stream().filter(v -> v.name().equals(layer + "/" + weight))
        .findFirst().orElseThrow().read();
  }

  /** Every variable a seeded random value; variances positive, gammas away from zero. */
  private static void assignRandom(ModelRuntime rt) {
    Random r = new Random(5);
    Map<String, TFloat32> values = new HashMap<>();
    try {
      for (ModelVariable v : rt.variables().all()) {
        int n = Math.toIntExact(v.size());
        float[] x = v.name().endsWith("variance") ? random(r, n, 0.5f, 2f)
            : v.name().endsWith("gamma") ? random(r, n, 0.5f, 1.5f)
            : random(r, n, -1f, 1f);
        values.put(v.name(), Tensors.of(v.shape(), x));
      }
      new WeightAssigner(rt).assign(values);
    } finally {
      values.values().forEach(TFloat32::close);
    }
  }

  private static float[] random(Random r, int n, float low, float high) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = low + (high - low) * r.nextFloat();
    }
    return x;
  }

  private static List<float[]> run(ModelRuntime rt, Placeholder<TFloat32> in, LayerGraph g,
      float[] images) {
    try (TFloat32 x = Tensors.of(Shape.of(2, H, W, 3), images)) {
      var runner = rt.session().runner().feed(in, x);
      for (String l : LAYERS) {
        runner.fetch(g.output(l));
      }
      try (Result r = runner.run()) {
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < LAYERS.length; i++) {
          out.add(Tensors.values(r.get(i)));
        }
        return out;
      }
    }
  }

  private static Map<String, Integer> opTypes(ModelRuntime rt) {
    Map<String, Integer> types = new HashMap<>();
    for (Iterator<GraphOperation> it = rt.graph().operations(); it.hasNext(); ) {
      types.merge(it.next().type(), 1, Integer::sum);
    }
    return types;
  }
}
