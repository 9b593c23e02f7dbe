package dev.sommelier.core.train;

import dev.sommelier.core.ModelVariable;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Plain stochastic gradient descent: {@code w -= lr * g} (fused ApplyGradientDescent). */
public final class Sgd implements Optimizer {

  @Override
  public String name() {
    return "SGD";
  }

  @Override
  public Op apply(Ops tf, ModelVariable v, Operand<TFloat32> g, Operand<TFloat32> lr,
      Operand<TFloat32> step) {
    return tf.train.applyGradientDescent(v.variable(), lr, g);
  }
}
