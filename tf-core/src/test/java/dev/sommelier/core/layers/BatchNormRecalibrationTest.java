package dev.sommelier.core.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.core.Device;
import dev.sommelier.core.ModelRuntime;
import dev.sommelier.core.ModelVariable;
import dev.sommelier.core.Tensors;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Precise BN on conv - BN - ReLU - conv - BN: each layer's moving statistics against the
 * statistics of its input (the conv outputs, fetched from the same tower) computed in plain Java.
 */
class BatchNormRecalibrationTest {

  private static final int H = 6;
  private static final int W = 5;

  /** The tower, its input and the two batch-norm inputs. */
  private record Net(LayerGraph tower, Placeholder<TFloat32> input, Operand<TFloat32> conv1,
      Operand<TFloat32> conv2) {

    static Net build(ModelRuntime rt, float momentum) {
      LayerGraph g = LayerGraph.training(rt, BatchNormMode.TRAINING);
      Placeholder<TFloat32> in = g.input("image", H, W, 2);
      Operand<TFloat32> c1 = g.conv2d("conv1", in, 4, 3, 3, 1, Padding.SAME, true);
      Operand<TFloat32> x = g.batchNorm("conv1_bn", c1, 1e-3f, momentum);
      x = g.activation("conv1_relu", x, Activation.RELU);
      Operand<TFloat32> c2 = g.conv2d("conv2", x, 3, 1, 1, 2, Padding.SAME, false);
      g.batchNorm("conv2_bn", c2, 1e-3f, momentum);
      return new Net(g, in, c1, c2);
    }
  }

  /** Three batches of unequal sizes whose brightness differs, so their means spread. */
  private static List<float[]> batches() {
    Random r = new Random(5);
    List<float[]> out = new ArrayList<>();
    int[] sizes = {7, 7, 2};
    float[] offsets = {0f, 1.5f, -2f};
    for (int b = 0; b < sizes.length; b++) {
      float[] x = new float[sizes[b] * H * W * 2];
      for (int i = 0; i < x.length; i++) {
        x[i] = offsets[b] + (float) r.nextGaussian() * (1 + (i % 2));
      }
      out.add(x);
    }
    return out;
  }

  /** The values of {@code op} for each batch, as the tower computes them (batch statistics). */
  private static List<float[]> fetch(ModelRuntime rt, Net net, Operand<TFloat32> op,
      List<float[]> batches) {
    List<float[]> out = new ArrayList<>();
    for (float[] b : batches) {
      try (TFloat32 x = Tensors.of(Shape.of(b.length / (H * W * 2), H, W, 2), b);
          Result r = rt.session().runner().feed(net.input(), x).fetch(op).run()) {
        out.add(Tensors.values(r.get(0)));
      }
    }
    return out;
  }

  /** Mean and unbiased variance per channel over every value of every batch (two passes). */
  private static float[][] statistics(List<float[]> values, int channels) {
    double[] sum = new double[channels];
    long n = 0;
    for (float[] v : values) {
      for (int i = 0; i < v.length; i++) {
        sum[i % channels] += v[i];
      }
      n += v.length / channels;
    }
    double[] squares = new double[channels];
    for (float[] v : values) {
      for (int i = 0; i < v.length; i++) {
        double d = v[i] - sum[i % channels] / n;
        squares[i % channels] += d * d;
      }
    }
    float[][] out = new float[2][channels];
    for (int c = 0; c < channels; c++) {
      out[0][c] = (float) (sum[c] / n);
      out[1][c] = (float) (squares[c] / (n - 1));
    }
    return out;
  }

  private static void assertClose(float[] expected, float[] actual, String what) {
    for (int c = 0; c < expected.length; c++) {
      double tolerance = 1e-5 + 1e-4 * Math.abs(expected[c]);
      assertEquals(expected[c], actual[c], tolerance, what + " channel " + c);
    }
  }

  @Test
  void everyLayersMovingStatisticsBecomeThoseOfItsInputOverAllImages() {
    try (ModelRuntime rt = ModelRuntime.open(Device.CPU, 3)) {
      Net net = Net.build(rt, 0.99f);
      BatchNormRecalibration recalibration = BatchNormRecalibration.of(net.tower(), net.input());
      assertEquals(2, recalibration.layerCount());
      List<float[]> batches = batches();
      assertEquals(16, recalibration.recalibrate(batches));
      float[][] first = statistics(fetch(rt, net, net.conv1(), batches), 4);
      float[][] second = statistics(fetch(rt, net, net.conv2(), batches), 3);
      List<float[]> moving = rt.values(List.of(
          variable(rt, "conv1_bn/moving_mean"), variable(rt, "conv1_bn/moving_variance"),
          variable(rt, "conv2_bn/moving_mean"), variable(rt, "conv2_bn/moving_variance")));
      assertClose(first[0], moving.get(0), "conv1_bn mean");
      assertClose(first[1], moving.get(1), "conv1_bn variance");
      assertClose(second[0], moving.get(2), "conv2_bn mean");
      assertClose(second[1], moving.get(3), "conv2_bn variance");
      // The data tell the exact pooling from the references' mean of the batch variances,
      // which leaves out the spread of the batch means: it would miss by more than 10 %.
      List<float[]> conv1 = fetch(rt, net, net.conv1(), batches);
      double worst = 0;
      for (int c = 0; c < 4; c++) {
        double meanOfVariances = 0;
        for (float[] b : conv1) {
          meanOfVariances += statistics(List.of(b), 4)[1][c] / conv1.size();
        }
        worst = Math.max(worst, Math.abs(meanOfVariances / first[1][c] - 1));
      }
      assertTrue(worst > 0.1, "the mean of the batch variances misses by " + worst);
    }
  }

  @Test
  void aTrainingStepsMovingVarianceIsTheUnbiasedOneToo() {
    try (ModelRuntime rt = ModelRuntime.open(Device.CPU, 3)) {
      Net net = Net.build(rt, 0f); // momentum 0: one update sets the batch's statistics
      List<float[]> one = batches().subList(2, 3);
      try (TFloat32 x = Tensors.of(Shape.of(2, H, W, 2), one.get(0))) {
        var runner = rt.session().runner().feed(net.input(), x);
        net.tower().updateOps().forEach(runner::addTarget);
        runner.run().close();
      }
      float[][] expected = statistics(fetch(rt, net, net.conv1(), one), 4);
      List<float[]> moving = rt.values(List.of(
          variable(rt, "conv1_bn/moving_mean"), variable(rt, "conv1_bn/moving_variance")));
      assertClose(expected[0], moving.get(0), "conv1_bn mean");
      assertClose(expected[1], moving.get(1), "conv1_bn variance");
    }
  }

  @Test
  void aFrozenTowerHasNothingToRecalibrate() {
    try (ModelRuntime rt = ModelRuntime.open(Device.CPU, 3)) {
      LayerGraph g = LayerGraph.training(rt, BatchNormMode.FROZEN);
      Placeholder<TFloat32> in = g.input("image", H, W, 2);
      g.batchNorm("bn", g.conv2d("conv", in, 4, 3, 3, 1, Padding.SAME, true), 1e-3f, 0.99f);
      assertTrue(BatchNormRecalibration.of(g, in).isEmpty());
    }
  }

  @Test
  void partImagesAndNoImagesAreRefused() {
    try (ModelRuntime rt = ModelRuntime.open(Device.CPU, 3)) {
      Net net = Net.build(rt, 0.99f);
      BatchNormRecalibration recalibration = BatchNormRecalibration.of(net.tower(), net.input());
      assertThrows(IllegalArgumentException.class,
          () -> recalibration.recalibrate(List.of(new float[H * W * 2 + 1])));
      assertThrows(IllegalArgumentException.class, () -> recalibration.recalibrate(List.of()));
      assertArrayEquals(new float[] {1, 1, 1, 1},
          rt.values(List.of(variable(rt, "conv1_bn/moving_variance"))).get(0));
    }
  }

  private static ModelVariable variable(ModelRuntime rt, String name) {
    return rt.variables().get(name);
  }
}
