package dev.sommelier.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.core.Device;
import dev.sommelier.core.ModelRuntime;
import dev.sommelier.core.ModelVariable;
import dev.sommelier.core.Tensors;
import dev.sommelier.core.layers.Activation;
import dev.sommelier.core.layers.LayerGraph;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class OptimizerTest {

  /** Fits y = 2a - 3b + 0.5 with a linear Dense layer; returns the final loss. */
  private static float fit(Function<ModelRuntime, Optimizer> optimizer, float lr, int steps) {
    try (ModelRuntime rt = ModelRuntime.open(Device.CPU, 5)) {
      LayerGraph g = LayerGraph.inference(rt);
      Placeholder<TFloat32> x = g.vectorInput("x", 2);
      Operand<TFloat32> out = g.dense("linear", x, 1, Activation.LINEAR);
      Ops tf = rt.ops();
      float[] xs = {1, 0, 0, 1, 1, 1, -1, 2, 0.5f, -1, 2, 2};
      float[] ys = new float[6];
      for (int i = 0; i < 6; i++) {
        ys[i] = 2 * xs[2 * i] - 3 * xs[2 * i + 1] + 0.5f;
      }
      Operand<TFloat32> loss =
          tf.math.mean(
              tf.math.square(tf.math.sub(out, tf.constant(Shape.of(6, 1), org.tensorflow.ndarray.buffer.DataBuffers.of(ys)))),
              tf.constant(new int[] {0, 1}));
      TrainingStep step =
          TrainingStep.build(rt, loss, rt.variables().trainable(v -> true), List.of(),
              optimizer.apply(rt), lr);
      float last = Float.NaN;
      try (TFloat32 xt = Tensors.of(Shape.of(6, 2), xs)) {
        for (int i = 0; i < steps; i++) {
          try (var r = rt.session().runner().feed(x, xt).addTarget(step.target()).fetch(loss).run()) {
            last = Tensors.values(r.get(0))[0];
          }
        }
        try (var r = rt.session().runner().fetch(step.step().read()).run()) {
          assertEquals(steps, Tensors.values(r.get(0))[0], 0f, "step counter");
        }
      }
      return last;
    }
  }

  @Test
  void sgdFitsALinearModel() {
    assertTrue(fit(rt -> new Sgd(), 0.1f, 300) < 1e-6f);
  }

  @Test
  void momentumAndNesterovFitALinearModel() {
    assertTrue(fit(rt -> new Momentum(rt.variables(), 0.9f, false), 0.05f, 300) < 1e-6f);
    assertTrue(fit(rt -> new Momentum(rt.variables(), 0.9f, true), 0.05f, 300) < 1e-6f);
  }

  @Test
  void adamFitsALinearModel() {
    assertTrue(fit(rt -> new Adam(rt.variables()), 0.1f, 400) < 1e-4f);
  }

  @Test
  void slotsAreStateNotParameters() {
    try (ModelRuntime rt = ModelRuntime.open(Device.CPU, 5)) {
      LayerGraph g = LayerGraph.inference(rt);
      Operand<TFloat32> out = g.dense("d", g.vectorInput("x", 3), 2, Activation.LINEAR);
      Operand<TFloat32> loss = rt.ops().math.mean(out, rt.ops().constant(new int[] {0, 1}));
      TrainingStep.build(rt, loss, rt.variables().trainable(v -> true), List.of(),
          new Adam(rt.variables()), 0.01f);
      assertEquals(8, rt.variables().parameterCount());
      assertEquals(
          List.of("training/learning_rate", "training/step", "Adam/d/kernel/m", "Adam/d/bias/m",
              "Adam/d/kernel/v", "Adam/d/bias/v"),
          rt.variables().state().stream().map(ModelVariable::name).toList());
    }
  }

  @Test
  void learningRateChangesWithoutRebuildingTheGraph() {
    try (ModelRuntime rt = ModelRuntime.open(Device.CPU, 5)) {
      LayerGraph g = LayerGraph.inference(rt);
      Operand<TFloat32> out = g.dense("d", g.vectorInput("x", 3), 2, Activation.LINEAR);
      Operand<TFloat32> loss = rt.ops().math.mean(out, rt.ops().constant(new int[] {0, 1}));
      TrainingStep step =
          TrainingStep.build(rt, loss, rt.variables().trainable(v -> true), List.of(), new Sgd(), 0.01f);
      try (TFloat32 lr = TFloat32.scalarOf(0.25f)) {
        rt.session().runner().feed(step.newLearningRate(), lr).addTarget(step.setLearningRateOp()).run().close();
      }
      try (var r = rt.session().runner().fetch(step.learningRate().read()).run()) {
        assertEquals(0.25f, Tensors.values(r.get(0))[0], 0f);
      }
    }
  }

  @Test
  void aVariableTheLossIgnoresIsNamed() {
    try (ModelRuntime rt = ModelRuntime.open(Device.CPU, 5)) {
      LayerGraph g = LayerGraph.inference(rt);
      Operand<TFloat32> used = g.dense("used", g.vectorInput("x", 3), 2, Activation.LINEAR);
      g.dense("unused", g.vectorInput("x2", 3), 2, Activation.LINEAR);
      Operand<TFloat32> loss = rt.ops().math.mean(used, rt.ops().constant(new int[] {0, 1}));
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class,
              () -> TrainingStep.build(rt, loss, rt.variables().trainable(v -> true), List.of(), new Sgd(), 0.1f));
      assertTrue(e.getMessage().contains("unused/kernel"), e.getMessage());
    }
  }
}
