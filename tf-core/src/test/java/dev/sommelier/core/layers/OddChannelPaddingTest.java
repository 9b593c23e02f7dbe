package dev.sommelier.core.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.core.Device;
import dev.sommelier.core.MixedPrecision;
import dev.sommelier.core.ModelRuntime;
import dev.sommelier.core.Precision;
import dev.sommelier.core.Tensors;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * A convolution computed in bfloat16 stays within bfloat16's rounding of the float32 one for every
 * input channel count, odd ones included (TensorFlow 2.18's oneDNN kernel was 5 to 8 % off for 3,
 * 5, 7 and 9 channels before {@link OddChannelPadding}).
 */
class OddChannelPaddingTest {

  private static final int SIZE = 48;

  private static float[] conv(Precision precision, int channels) {
    try (ModelRuntime rt = ModelRuntime.open(Device.CPU, 11, precision)) {
      LayerGraph g = LayerGraph.inference(rt);
      Placeholder<TFloat32> in = g.input("input_1", SIZE, SIZE, channels);
      Operand<TFloat32> y = g.conv2d("conv1", in, 16, 3, 3, 2, Padding.SAME, true);
      float[] x = new float[2 * SIZE * SIZE * channels];
      Random r = new Random(channels);
      for (int i = 0; i < x.length; i++) {
        x[i] = 2 * r.nextFloat() - 1;
      }
      try (TFloat32 t = Tensors.of(Shape.of(2, SIZE, SIZE, channels), x);
          Result out = rt.session().runner().feed(in, t).fetch(y).run()) {
        return Tensors.values(out.get(0));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 7, 9})
  void bfloat16MatchesFloat32WithinRounding(int channels) {
    Assumptions.assumeTrue(
        MixedPrecision.resolve(Precision.MIXED, Device.CPU).computeType().equals("bfloat16"),
        "no bfloat16 on this CPU");
    float[] exact = conv(Precision.FP32, channels);
    float[] mixed = conv(Precision.MIXED, channels);
    assertEquals(exact.length, mixed.length);
    double diff = 0;
    double size = 0;
    for (int i = 0; i < exact.length; i++) {
      diff += Math.abs(exact[i] - mixed[i]);
      size += Math.abs(exact[i]);
    }
    // bfloat16 keeps 8 significant bits: inputs and weights rounded by up to 2^-9 each
    assertTrue(diff / size < 0.01, channels + " channels: mean relative error " + diff / size);
  }
}
