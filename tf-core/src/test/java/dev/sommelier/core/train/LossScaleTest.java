package dev.sommelier.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sommelier.core.Device;
import dev.sommelier.core.ModelRuntime;
import dev.sommelier.core.ModelVariable;
import dev.sommelier.core.Tensors;
import dev.sommelier.core.layers.Activation;
import dev.sommelier.core.layers.LayerGraph;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Dynamic loss scaling checked against plain arithmetic: for loss = sum(dense(x)), the kernel's
 * gradient is x itself, so an SGD step moves the kernel by exactly -lr * x.
 */
class LossScaleTest {

  private static final float LR = 0.5f;

  /** A dense layer without bias on a 2-vector, its loss, and a step with optional scaling. */
  private static final class Model implements AutoCloseable {
    final ModelRuntime rt = ModelRuntime.open(Device.CPU, 7);
    final Placeholder<TFloat32> x;
    final ModelVariable kernel;
    final TrainingStep step;

    Model(LossScale scale) {
      LayerGraph g = LayerGraph.inference(rt);
      x = g.vectorInput("x", 2);
      Operand<TFloat32> out = g.dense("d", x, 1, Activation.LINEAR);
      Ops tf = rt.ops();
      Operand<TFloat32> loss = tf.reduceSum(out, tf.constant(new int[] {0, 1}));
      List<ModelVariable> trained = rt.variables().trainable(v -> true);
      kernel = trained.stream().filter(v -> v.name().endsWith("kernel")).findFirst().orElseThrow();
      step = TrainingStep.build(rt, loss, trained, List.of(), new Sgd(), LR, scale);
    }

    void run(float a, float b) {
      try (TFloat32 xt = Tensors.of(Shape.of(1, 2), new float[] {a, b})) {
        rt.session().runner().feed(x, xt).addTarget(step.target()).run().close();
      }
    }

    float[] values(ModelVariable v) {
      return rt.values(List.of(v)).get(0);
    }

    float state(String name) {
      return values(rt.variables().state().stream()
          .filter(v -> v.name().equals(name)).findFirst().orElseThrow())[0];
    }

    @Override
    public void close() {
      rt.close();
    }
  }

  @Test
  void aFiniteStepEqualsTheUnscaledStepExactly() {
    try (Model plain = new Model(null); Model scaled = new Model(new LossScale(32768f, 3))) {
      float[] start = scaled.values(scaled.kernel);
      assertArrayEquals(plain.values(plain.kernel), start, 0f, "same seeded start");
      plain.run(1f, -2.5f);
      scaled.run(1f, -2.5f);
      float[] expected = {start[0] - LR * 1f, start[1] + LR * 2.5f};
      assertArrayEquals(expected, plain.values(plain.kernel), 0f);
      assertArrayEquals(expected, scaled.values(scaled.kernel), 0f);
      assertEquals(32768f, scaled.state("loss_scale/scale"), 0f);
      assertEquals(1f, scaled.state("loss_scale/good_steps"), 0f);
      assertEquals(1f, scaled.state("training/step"), 0f);
    }
  }

  @Test
  void anOverflowingStepIsSkippedAndHalvesTheScale() {
    try (Model m = new Model(new LossScale(32768f, 3))) {
      m.run(1f, 1f);
      float[] before = m.values(m.kernel);
      // 1e36 x 2^15 overflows float: the scaled gradient is infinite
      m.run(1e36f, 1f);
      assertArrayEquals(before, m.values(m.kernel), 0f, "the kernel does not move");
      assertEquals(1f, m.state("training/step"), 0f, "the skipped step is not counted");
      assertEquals(16384f, m.state("loss_scale/scale"), 0f);
      assertEquals(0f, m.state("loss_scale/good_steps"), 0f);
      // 1e36 x 2^14 overflows too: skipped again, halved again
      m.run(1e36f, 1f);
      assertEquals(8192f, m.state("loss_scale/scale"), 0f);
      m.run(2f, 1f);
      assertArrayEquals(new float[] {before[0] - LR * 2f, before[1] - LR * 1f},
          m.values(m.kernel), 0f, "a finite step after skipped ones applies");
      assertEquals(2f, m.state("training/step"), 0f);
    }
  }

  @Test
  void theScaleDoublesAfterTheGrowthIntervalAndNeverDropsBelowOne() {
    try (Model m = new Model(new LossScale(2f, 3))) {
      m.run(1f, 1f);
      m.run(1f, 1f);
      assertEquals(2f, m.state("loss_scale/scale"), 0f);
      m.run(1f, 1f);
      assertEquals(4f, m.state("loss_scale/scale"), 0f, "doubled after 3 finite steps");
      assertEquals(0f, m.state("loss_scale/good_steps"), 0f);
      for (int i = 0; i < 4; i++) {
        m.run(Float.POSITIVE_INFINITY, 1f);
      }
      assertEquals(1f, m.state("loss_scale/scale"), 0f, "halved to 1, not below");
    }
  }

  @Test
  void theInitialScaleMustBeAPowerOfTwo() {
    assertThrows(IllegalArgumentException.class, () -> new LossScale(3f, 10));
    assertThrows(IllegalArgumentException.class, () -> new LossScale(0.5f, 10));
    assertThrows(IllegalArgumentException.class, () -> new LossScale(8f, 0));
  }
}
