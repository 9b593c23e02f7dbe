package dev.sommelier.backbones;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.core.Device;
import dev.sommelier.core.ModelRuntime;
import dev.sommelier.core.ModelVariable;
import dev.sommelier.core.Tensors;
import dev.sommelier.core.layers.Activation;
import dev.sommelier.core.layers.BatchNormMode;
import dev.sommelier.core.layers.LayerGraph;
import dev.sommelier.core.train.Sgd;
import dev.sommelier.core.train.TrainingStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * One SGD step through a whole backbone (with a throw-away Dense layer on top) proves that
 * gradients reach every layer, and that freezing really freezes.
 */
class GradientFlowTest {

  private static final int SIZE = 64;
  private static final int BATCH = 4;
  private static final String PROBE = "probe_dense";

  /** A backbone with a probe head and an MSE loss on a tiny seeded batch. */
  private record Setup(ModelRuntime rt, Placeholder<TFloat32> input, LayerGraph tower, Operand<TFloat32> loss) {}

  private static Setup setup(String backbone, BatchNormMode bn) {
    ModelRuntime rt = ModelRuntime.open(Device.CPU, 17);
    Backbone b = BackboneRegistry.load().create(backbone, SIZE);
    LayerGraph inference = LayerGraph.inference(rt);
    Placeholder<TFloat32> in = inference.input("input_1", SIZE, SIZE, 3);
    inference.dense(PROBE, inference.flatten("probe_flatten", b.build(inference, in)), 3, Activation.LINEAR);
    LayerGraph tower = bn == BatchNormMode.FROZEN ? inference : LayerGraph.training(rt, bn);
    Operand<TFloat32> out =
        tower == inference
            ? inference.output(PROBE)
            : tower.dense(PROBE, tower.flatten("probe_flatten", b.build(tower, in)), 3, Activation.LINEAR);
    Ops tf = rt.ops();
    Operand<TFloat32> target =
        tf.constant(new float[][] {{1, -1, 0.5f}, {-0.5f, 1, 2}, {0, 0, 1}, {2, 1, 0}});
    Operand<TFloat32> loss =
        tf.math.mean(tf.math.square(tf.math.sub(out, target)), tf.constant(new int[] {0, 1}));
    return new Setup(rt, in, tower, loss);
  }

  private static TFloat32 batch() {
    Random r = new Random(5);
    float[] px = new float[BATCH * SIZE * SIZE * 3];
    for (int i = 0; i < px.length; i++) {
      px[i] = (float) r.nextGaussian();
    }
    return Tensors.of(Shape.of(BATCH, SIZE, SIZE, 3), px);
  }

  private static Map<String, float[]> snapshot(ModelRuntime rt) {
    List<ModelVariable> vars = rt.variables().all();
    List<float[]> values = rt.values(vars);
    Map<String, float[]> out = new LinkedHashMap<>();
    for (int i = 0; i < vars.size(); i++) {
      out.put(vars.get(i).name(), values.get(i));
    }
    return out;
  }

  private static float loss(Setup s, TFloat32 x) {
    try (Result r = s.rt().session().runner().feed(s.input(), x).fetch(s.loss()).run()) {
      return Tensors.values(r.get(0))[0];
    }
  }

  /** Runs one step; returns {loss before, loss after}. */
  private static float[] step(Setup s, List<ModelVariable> trained, float lr) {
    TrainingStep step =
        TrainingStep.build(s.rt(), s.loss(), trained, s.tower().updateOps(), new Sgd(), lr);
    try (TFloat32 x = batch()) {
      float before = loss(s, x);
      s.rt().session().runner().feed(s.input(), x).addTarget(step.target()).run().close();
      return new float[] {before, loss(s, x)};
    }
  }

  /** Names (with their largest |gradient|) of the variables whose gradient is zero or not finite. */
  private static List<String> withoutGradient(Setup s, List<ModelVariable> trainable) {
    ModelRuntime rt = s.rt();
    Output<?>[] grads =
        rt.graph().addGradients(s.loss().asOutput(),
            trainable.stream().map(v -> v.read().asOutput()).toArray(Output<?>[]::new));
    Session.Runner runner = rt.session().runner();
    List<String> zero = new ArrayList<>();
    try (TFloat32 x = batch()) {
      runner.feed(s.input(), x);
      for (Output<?> g : grads) {
        runner.fetch(g);
      }
      try (Result r = runner.run()) {
        for (int i = 0; i < grads.length; i++) {
          float max = 0;
          for (float v : Tensors.values(r.get(i))) {
            max = Math.max(max, Math.abs(v));
          }
          if (!(max > 0) || !Float.isFinite(max)) {
            zero.add(trainable.get(i).name() + "=" + max);
          }
        }
      }
    }
    return zero;
  }

  private static List<String> unchanged(Map<String, float[]> a, Map<String, float[]> b, List<ModelVariable> vars) {
    List<String> same = new ArrayList<>();
    for (ModelVariable v : vars) {
      if (java.util.Arrays.equals(a.get(v.name()), b.get(v.name()))) {
        same.add(v.name());
      }
    }
    return same;
  }

  /**
   * With frozen batch norm and untrained (identity) moving statistics, activations of a freshly
   * initialised deep net shrink so far that a step may not move a weight by one float ulp; so this
   * checks the gradients themselves: every trainable variable gets a non-zero one.
   */
  @ParameterizedTest
  @ValueSource(strings = {"resnet50", "mobilenet_v1"})
  void frozenBatchNormPassesNonZeroGradientsToEveryVariableAndKeepsStatistics(String backbone) {
    Setup s = setup(backbone, BatchNormMode.FROZEN);
    try (ModelRuntime rt = s.rt()) {
      List<ModelVariable> trainable = rt.variables().trainable(v -> true);
      assertEquals(List.of(), withoutGradient(s, trainable), "variables without a finite non-zero gradient");
      Map<String, float[]> before = snapshot(rt);
      float[] loss = step(s, trainable, 1e-3f);
      Map<String, float[]> after = snapshot(rt);
      List<ModelVariable> stats = rt.variables().all().stream().filter(v -> !v.trainable()).toList();
      assertEquals(stats.size(), unchanged(before, after, stats).size(), "frozen statistics must not move");
      assertTrue(loss[1] < loss[0], "loss " + loss[0] + " -> " + loss[1]);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"resnet50", "mobilenet_v1"})
  void aFrozenBackboneDoesNotChange(String backbone) {
    Setup s = setup(backbone, BatchNormMode.FROZEN);
    try (ModelRuntime rt = s.rt()) {
      List<ModelVariable> head = rt.variables().trainable(v -> v.layer().equals(PROBE));
      assertEquals(2, head.size());
      Map<String, float[]> before = snapshot(rt);
      float[] loss = step(s, head, 1e-3f);
      Map<String, float[]> after = snapshot(rt);
      List<ModelVariable> backboneVars = rt.variables().all().stream().filter(v -> !v.layer().equals(PROBE)).toList();
      assertEquals(backboneVars.size(), unchanged(before, after, backboneVars).size());
      assertEquals(List.of(), unchanged(before, after, head.subList(1, 2)), "the head's bias moves");
      assertTrue(loss[1] < loss[0], "loss " + loss[0] + " -> " + loss[1]);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"resnet50", "mobilenet_v1"})
  void trainingBatchNormGetsGradientsEverywhereMovesStatisticsAndLowersTheLoss(String backbone) {
    Setup s = setup(backbone, BatchNormMode.TRAINING);
    try (ModelRuntime rt = s.rt()) {
      List<ModelVariable> trainable = rt.variables().trainable(v -> true);
      assertEquals(List.of(), withoutGradient(s, trainable), "variables without a finite non-zero gradient");
      Map<String, float[]> before = snapshot(rt);
      // Gradients through 50 freshly initialised layers are large, so the step is small; gamma
      // updates may then fall below float32 resolution, but every weight kernel must move.
      float[] loss = step(s, trainable, 1e-7f);
      Map<String, float[]> after = snapshot(rt);
      List<ModelVariable> kernels = trainable.stream().filter(v -> v.name().endsWith("kernel")).toList();
      assertEquals(List.of(), unchanged(before, after, kernels));
      List<ModelVariable> stats = rt.variables().all().stream().filter(v -> !v.trainable()).toList();
      assertFalse(stats.isEmpty());
      assertEquals(List.of(), unchanged(before, after, stats), "every moving statistic moves");
      ModelVariable mean = stats.get(0);
      // moving_mean starts at 0 and moves 1 % of the way to the batch mean: small but non-zero.
      float[] m = after.get(mean.name());
      assertTrue(Math.abs(m[0]) > 0 && Math.abs(m[0]) < 1, mean.name() + " = " + m[0]);
      assertTrue(loss[1] < loss[0], "loss " + loss[0] + " -> " + loss[1]);
    }
  }
}
