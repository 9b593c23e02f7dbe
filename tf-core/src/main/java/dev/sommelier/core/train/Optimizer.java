package dev.sommelier.core.train;

import dev.sommelier.core.ModelVariable;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A gradient-descent rule applied with TensorFlow's fused update kernels. Implementations create
 * their slot variables ({@code Adam/conv1/kernel/m}, ...) in the runtime's variable store, so
 * checkpoints carry them.
 */
public interface Optimizer {

  /** Short name, used for slot variable names ({@code SGD}, {@code Momentum}, {@code Adam}). */
  String name();

  /**
   * Builds the update of {@code variable} by {@code gradient} at learning rate {@code lr}.
   *
   * @param tf scope for the update ops
   * @param step the global step before this update (Adam's bias correction); a float scalar
   */
  Op apply(Ops tf, ModelVariable variable, Operand<TFloat32> gradient, Operand<TFloat32> lr,
      Operand<TFloat32> step);

  /** Creates whatever this optimizer keeps per variable before the graph is sealed. */
  default void createSlots(List<ModelVariable> variables) {}
}
