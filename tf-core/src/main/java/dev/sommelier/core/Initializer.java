package dev.sommelier.core;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.types.TFloat32;

/** How a new variable is first filled: the Keras defaults for each kind of weight. */
public sealed interface Initializer {

  /**
   * Builds the initial value (in the graph's init scope) for a variable of {@code shape}; random
   * initializers are deterministic for a given pair of non-zero seeds.
   */
  Operand<TFloat32> build(Ops tf, Shape shape, long seed, long seed2);

  /** All zeros: biases, beta, moving means. */
  Initializer ZEROS = new Constant(0f);
  /** All ones: gamma, moving variances. */
  Initializer ONES = new Constant(1f);

  /** A constant fill. */
  record Constant(float value) implements Initializer {
    @Override
    public Operand<TFloat32> build(Ops tf, Shape shape, long seed, long seed2) {
      return tf.fill(tf.constant(shape), tf.constant(value));
    }
  }

  /**
   * Glorot (Xavier) uniform, Keras's default for kernels: U(-l, l) with l = sqrt(6 / (fanIn +
   * fanOut)).
   */
  record GlorotUniform(long fanIn, long fanOut) implements Initializer {
    @Override
    public Operand<TFloat32> build(Ops tf, Shape shape, long seed, long seed2) {
      float limit = (float) Math.sqrt(6.0 / (fanIn + fanOut));
      Operand<TFloat32> u =
          tf.random.randomUniform(
              tf.constant(shape),
              TFloat32.class,
              RandomUniform.seed(seed),
              RandomUniform.seed2(seed2));
      return tf.math.sub(tf.math.mul(u, tf.constant(2 * limit)), tf.constant(limit));
    }
  }

  /** Glorot uniform for a kernel whose last axis is the output and the rest the receptive field. */
  static Initializer glorotFor(Shape kernelShape) {
    int rank = kernelShape.numDimensions();
    long receptive = 1;
    for (int i = 0; i < rank - 2; i++) {
      receptive *= kernelShape.get(i);
    }
    long fanIn = receptive * kernelShape.get(rank - 2);
    long fanOut = receptive * kernelShape.get(rank - 1);
    return new GlorotUniform(fanIn, fanOut);
  }
}
