package dev.sommelier.core.layers;

import dev.sommelier.core.ModelRuntime;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Works around a fault of the bfloat16 convolution in TensorFlow 2.18's oneDNN build: with an odd
 * number of input channels (3, 5, 7, 9, 33 were seen; 1 is right) its results are wrong by several
 * per cent and differ from run to run, on the AVX512_BF16 CPUs where mixed precision runs. Every
 * ImageNet backbone's first convolution reads 3 channels. Under bfloat16 such a convolution reads
 * one more, zero, channel in both the input and the kernel, which computes the same sum; the
 * kernel variable keeps its Keras shape. Float32 graphs are left as they are.
 */
final class OddChannelPadding {

  private OddChannelPadding() {}

  /** A 2-D convolution of {@code x} with {@code kernel} that is right under bfloat16 too. */
  static Operand<TFloat32> conv2d(ModelRuntime runtime, Ops tf, Operand<TFloat32> x,
      Operand<TFloat32> kernel, long inputChannels, List<Long> strides, String padding) {
    if (!needed(runtime, inputChannels)) {
      return tf.nn.conv2d(x, kernel, strides, padding);
    }
    Operand<TFloat32> paddedX =
        tf.pad(x, tf.constant(new int[][] {{0, 0}, {0, 0}, {0, 0}, {0, 1}}), tf.constant(0f));
    Operand<TFloat32> paddedKernel =
        tf.pad(kernel, tf.constant(new int[][] {{0, 0}, {0, 0}, {0, 1}, {0, 0}}), tf.constant(0f));
    return tf.nn.conv2d(paddedX, paddedKernel, strides, padding);
  }

  /** True under bfloat16 compute for an odd channel count above 1. */
  static boolean needed(ModelRuntime runtime, long inputChannels) {
    return inputChannels > 1 && inputChannels % 2 == 1
        && runtime.precision().computeType().equals("bfloat16");
  }
}
