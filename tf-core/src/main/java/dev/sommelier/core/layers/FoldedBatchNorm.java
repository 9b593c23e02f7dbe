package dev.sommelier.core.layers;

import dev.sommelier.core.ModelRuntime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Batch norm on moving statistics folded into the convolution before it. Such a batch norm is a
 * per-channel affine map, {@code y = (conv(x, k) + b) * s + (beta - mean * s)} with {@code s =
 * gamma / sqrt(var + eps)} and {@code b} the convolution's bias (0 without one), so it equals
 * {@code conv(x, k * s) + shift} with {@code shift = beta + (b - mean) * s}: the scale multiplies the small
 * kernel instead of the large activation, and the shift is a bias that TensorFlow's remapper fuses
 * into the convolution together with the activation after it. TensorFlow's own batch-norm kernel
 * in inference mode took as long as the convolutions of ResNet50 on this CPU kind. Gradients
 * reach the kernel, gamma and beta through the fold, so training is unchanged; the variables keep
 * their Keras names and shapes, so checkpoints and imports are too. The convolution's own output
 * stays in the graph under its layer name for whoever fetches it.
 */
final class FoldedBatchNorm {

  /**
   * A convolution that a batch norm after it can absorb.
   *
   * @param kernel its kernel's value (a variable's read, or a frozen graph's constant)
   * @param bias its bias's value, or null for a convolution without one
   */
  record Conv(Operand<TFloat32> input, Operand<TFloat32> kernel, Operand<TFloat32> bias,
      List<Long> strides, String padding, boolean depthwise, long inputChannels) {}

  private final Map<String, Conv> convs = new HashMap<>();

  /** Remembers that {@code output} is {@code conv}'s. */
  void remember(Operand<TFloat32> output, Conv conv) {
    convs.put(output.op().name(), conv);
  }

  /** The convolution whose output {@code x} is, or null. */
  Conv producing(Operand<TFloat32> x) {
    return convs.get(x.op().name());
  }

  /** {@code conv}'s convolution with the batch norm's scale in its kernel and shift as bias. */
  static Operand<TFloat32> apply(ModelRuntime runtime, Ops tf, Conv conv, Operand<TFloat32> gamma,
      Operand<TFloat32> beta, Operand<TFloat32> mean, Operand<TFloat32> variance, float epsilon) {
    Operand<TFloat32> scale =
        tf.math.mul(gamma, tf.math.rsqrt(tf.math.add(variance, tf.constant(epsilon))));
    Operand<TFloat32> centre =
        conv.bias() == null ? tf.math.neg(mean) : tf.math.sub(conv.bias(), mean);
    Operand<TFloat32> shift = tf.math.add(beta, tf.math.mul(centre, scale));
    Operand<TFloat32> y;
    if (conv.depthwise()) {
      // a depthwise kernel is [k, k, channels, 1]: the scale runs along its third axis
      Operand<TFloat32> kernel = tf.math.mul(conv.kernel(),
          tf.reshape(scale, tf.constant(new long[] {1, 1, -1, 1})));
      y = tf.nn.depthwiseConv2dNative(conv.input(), kernel, conv.strides(), conv.padding());
    } else {
      Operand<TFloat32> kernel = tf.math.mul(conv.kernel(), scale);
      y = OddChannelPadding.conv2d(runtime, tf, conv.input(), kernel, conv.inputChannels(),
          conv.strides(), conv.padding());
    }
    return tf.nn.biasAdd(y, shift);
  }
}
