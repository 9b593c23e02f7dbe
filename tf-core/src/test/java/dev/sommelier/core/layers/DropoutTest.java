package dev.sommelier.core.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.core.Device;
import dev.sommelier.core.ModelRuntime;
import dev.sommelier.core.Tensors;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Dropout in a training tower on 20,000 ones at rate 0.3: every value is 0 or 1 / 0.7, about 70 %
 * are kept, two layers and two steps draw unrelated masks, and the mask is a function of the
 * seed, the layer and the step count alone, so a new session set to the same step (a run resumed
 * from a checkpoint) draws the same mask.
 */
class DropoutTest {

  private static final int N = 20_000;
  private static final float RATE = 0.3f;

  /** The masks (scaled) of two dropout layers at step {@code step} of a graph seeded {@code seed}. */
  private static List<float[]> masks(long seed, float step) {
    try (ModelRuntime rt = ModelRuntime.open(Device.CPU, seed)) {
      Ops tf = rt.ops();
      Operand<TFloat32> ones = tf.fill(tf.constant(new long[] {1, N}), tf.constant(1f));
      LayerGraph tower = LayerGraph.training(rt, BatchNormMode.FROZEN);
      Operand<TFloat32> first = tower.dropout("dropout", ones, RATE);
      Operand<TFloat32> second = tower.dropout("dropout_1", ones, RATE);
      Operand<TFloat32> inference = LayerGraph.inference(rt).dropout("dropout", ones, RATE);
      Session s = rt.session();
      s.runner().addTarget(tf.assign(rt.variables().stepCounter().variable(), tf.constant(step)))
          .run().close();
      float[] rerun;
      try (Result r = s.runner().fetch(first).run()) {
        rerun = Tensors.values(r.get(0));
      }
      try (Result r = s.runner().fetch(first).fetch(second).fetch(inference).run()) {
        assertArrayEquals(rerun, Tensors.values(r.get(0)), 0f,
            "one mask per step, however often the step is run");
        for (float v : Tensors.values(r.get(2))) {
          assertEquals(1f, v, 0f, "no dropout in the inference tower");
        }
        return List.of(Tensors.values(r.get(0)), Tensors.values(r.get(1)));
      }
    }
  }

  private static double kept(float[] mask) {
    int kept = 0;
    for (float v : mask) {
      assertTrue(v == 0f || v == 1f / (1f - RATE), "a dropped or scaled value: " + v);
      kept += v > 0 ? 1 : 0;
    }
    return kept / (double) mask.length;
  }

  /** The share of positions where both masks keep or both drop. */
  private static double agreement(float[] a, float[] b) {
    int same = 0;
    for (int i = 0; i < a.length; i++) {
      same += (a[i] > 0) == (b[i] > 0) ? 1 : 0;
    }
    return same / (double) a.length;
  }

  @Test
  void keepsSeventyPercentScaledUpAndDrawsUnrelatedMasksPerLayerAndStep() {
    List<float[]> step0 = masks(5, 0);
    List<float[]> step1 = masks(5, 1);
    // Binomial(20000, 0.7): standard deviation 0.0032.
    for (float[] m : List.of(step0.get(0), step0.get(1), step1.get(0))) {
      assertEquals(0.7, kept(m), 0.015);
    }
    // Independent masks agree where both keep or both drop: 0.7^2 + 0.3^2 = 0.58.
    assertEquals(0.58, agreement(step0.get(0), step0.get(1)), 0.02, "two layers");
    assertEquals(0.58, agreement(step0.get(0), step1.get(0)), 0.02, "two steps");
    assertEquals(0.58, agreement(step0.get(0), masks(6, 0).get(0)), 0.02, "two seeds");
  }

  @Test
  void aNewSessionAtTheSameStepDrawsTheSameMasks() {
    List<float[]> first = masks(5, 41);
    List<float[]> again = masks(5, 41);
    assertArrayEquals(first.get(0), again.get(0), 0f);
    assertArrayEquals(first.get(1), again.get(1), 0f);
  }
}
