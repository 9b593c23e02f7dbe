package dev.sommelier.core;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A float variable of a model, named as Keras names it ({@code conv1_bn/moving_mean}).
 *
 * @param name Keras name, {@code layer/weight}
 * @param variable the ref variable (VariableV2), which checkpoints and SavedModel export include
 * @param read the value to compute with and to differentiate against
 * @param shape full static shape
 * @param trainable false for statistics such as batch-norm moving averages, which never get
 *     gradients
 */
public record ModelVariable(
    String name, Variable<TFloat32> variable, Operand<TFloat32> read, Shape shape, boolean trainable) {

  /** The Keras layer this variable belongs to: the part of the name before the last slash. */
  public String layer() {
    return name.substring(0, name.lastIndexOf('/'));
  }

  /** Number of scalars. */
  public long size() {
    return shape.size();
  }
}
