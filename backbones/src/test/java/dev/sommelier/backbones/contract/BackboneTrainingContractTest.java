package dev.sommelier.backbones.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.backbones.Backbone;
import dev.sommelier.backbones.BackboneRegistry;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * One SGD step through every registered backbone (with a throw-away Dense layer on top, at the
 * contract's small input size) proves that gradients reach every variable, that a step moves every
 * one of them and every moving statistic, and that freezing really freezes. Large backbones
 * (ResNet101 and ResNet152, see {@link RegisteredBackbones#LARGE_BLOCKS}) run in the "slow" group.
 */
class BackboneTrainingContractTest {

  private static final int BATCH = 4;
  private static final String PROBE = "probe_dense";
  /** Large enough to move every gamma and beta of a fresh net by at least a float ulp. */
  private static final float LR = 1e-6f;

  static List<String> standard() {
    return RegisteredBackbones.standard();
  }

  static List<String> large() {
    return RegisteredBackbones.large();
  }

  @ParameterizedTest
  @MethodSource("standard")
  void trainingBatchNormMovesEveryVariableAndStatistic(String name) {
    trainingBatchNormStep(name);
  }

  @ParameterizedTest
  @MethodSource("standard")
  void frozenBatchNormPassesGradientsEverywhereAndFreezesWhatIsFrozen(String name) {
    frozenBatchNormSteps(name);
  }

  @Tag("slow")
  @ParameterizedTest
  @MethodSource("large")
  void largeBackbonesTrainToTheSameContract(String name) {
    trainingBatchNormStep(name);
    frozenBatchNormSteps(name);
  }

  /**
   * With batch norm training, a step large enough to move every gamma by a float ulp may raise the
   * loss of a fresh 150-layer net on 4 images, so this asserts movement and finite values only;
   * the loss must fall in the frozen case's probe step.
   */
  private static void trainingBatchNormStep(String name) {
    Setup s = setup(name, BatchNormMode.TRAINING);
    try (ModelRuntime rt = s.rt()) {
      List<ModelVariable> trainable = rt.variables().trainable(v -> true);
      Map<String, float[]> before = snapshot(rt);
      float[] loss = step(s, trainable, LR);
      Map<String, float[]> after = snapshot(rt);
      // A variable that moved had a non-zero gradient; one that stays finite had a finite one.
      assertEquals(List.of(), unchanged(before, after, trainable), "every trainable variable moves");
      assertEquals(List.of(), notFinite(after), "variables with values that are not finite");
      List<ModelVariable> stats = rt.variables().all().stream().filter(v -> !v.trainable()).toList();
      assertEquals(List.of(), unchanged(before, after, stats), "every moving statistic moves");
      assertTrue(Float.isFinite(loss[0]) && Float.isFinite(loss[1]), loss[0] + " -> " + loss[1]);
    }
  }

  /**
   * With frozen batch norm and untrained (identity) moving statistics, activations of a freshly
   * initialised deep net shrink so far that a step may not move a weight by one float ulp; so this
   * checks the gradients themselves: every trainable variable gets a non-zero one. Then a step of
   * the probe alone lowers the loss and leaves the backbone, its statistics included, as it was.
   */
  private static void frozenBatchNormSteps(String name) {
    Setup s = setup(name, BatchNormMode.FROZEN);
    try (ModelRuntime rt = s.rt()) {
      List<ModelVariable> trainable = rt.variables().trainable(v -> true);
      assertEquals(List.of(), withoutGradient(s, trainable), "variables without a finite non-zero gradient");
      List<ModelVariable> probe = rt.variables().trainable(v -> v.layer().equals(PROBE));
      assertEquals(2, probe.size());
      Map<String, float[]> before = snapshot(rt);
      float[] loss = step(s, probe, 1e-3f);
      Map<String, float[]> after = snapshot(rt);
      List<ModelVariable> backbone = rt.variables().all().stream().filter(v -> !v.layer().equals(PROBE)).toList();
      assertEquals(backbone.size(), unchanged(before, after, backbone).size(), "a frozen backbone stays");
      assertEquals(List.of(), unchanged(before, after, probe.subList(1, 2)), "the probe's bias moves");
      assertTrue(loss[1] < loss[0], "loss " + loss[0] + " -> " + loss[1]);
    }
  }

  /** A backbone with a probe head and an MSE loss on a tiny seeded batch. */
  private record Setup(
      ModelRuntime rt, int size, Placeholder<TFloat32> input, LayerGraph tower, Operand<TFloat32> loss) {}

  private static Setup setup(String name, BatchNormMode bn) {
    int size = RegisteredBackbones.size(name);
    ModelRuntime rt = ModelRuntime.open(Device.CPU, 17);
    Backbone b = BackboneRegistry.load().create(name, size);
    LayerGraph tower =
        bn == BatchNormMode.FROZEN ? LayerGraph.inference(rt) : LayerGraph.training(rt, bn);
    Placeholder<TFloat32> in = tower.input(RegisteredBackbones.INPUT, size, size, 3);
    Operand<TFloat32> out =
        tower.dense(PROBE, tower.flatten("probe_flatten", b.build(tower, in)), 3, Activation.LINEAR);
    Ops tf = rt.ops();
    Operand<TFloat32> target =
        tf.constant(new float[][] {{1, -1, 0.5f}, {-0.5f, 1, 2}, {0, 0, 1}, {2, 1, 0}});
    Operand<TFloat32> loss =
        tf.math.mean(tf.math.square(tf.math.sub(out, target)), tf.constant(new int[] {0, 1}));
    return new Setup(rt, size, in, tower, loss);
  }

  private static TFloat32 batch(int size) {
    Random r = new Random(5);
    float[] px = new float[BATCH * size * size * 3];
    for (int i = 0; i < px.length; i++) {
      px[i] = (float) r.nextGaussian();
    }
    return Tensors.of(Shape.of(BATCH, size, size, 3), px);
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
    try (TFloat32 x = batch(s.size())) {
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
    try (TFloat32 x = batch(s.size())) {
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

  private static List<String> notFinite(Map<String, float[]> values) {
    List<String> bad = new ArrayList<>();
    values.forEach((name, v) -> {
      for (float x : v) {
        if (!Float.isFinite(x)) {
          bad.add(name);
          return;
        }
      }
    });
    return bad;
  }

  private static List<String> unchanged(Map<String, float[]> a, Map<String, float[]> b, List<ModelVariable> vars) {
    List<String> same = new ArrayList<>();
    for (ModelVariable v : vars) {
      if (Arrays.equals(a.get(v.name()), b.get(v.name()))) {
        same.add(v.name());
      }
    }
    return same;
  }
}
