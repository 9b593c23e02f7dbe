package dev.sommelier.core.train;

import dev.sommelier.core.Initializer;
import dev.sommelier.core.ModelVariable;
import dev.sommelier.core.VariableStore;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Adam (fused ApplyAdam) with slots {@code Adam/<variable>/m} and {@code Adam/<variable>/v}. */
public final class Adam implements Optimizer {

  private final VariableStore store;
  private final float beta1;
  private final float beta2;
  private final float epsilon;

  /** Adam with Keras's defaults: beta1 0.9, beta2 0.999, epsilon 1e-7. */
  public Adam(VariableStore store) {
    this(store, 0.9f, 0.999f, 1e-7f);
  }

  /** Adam with explicit decay rates and epsilon. */
  public Adam(VariableStore store, float beta1, float beta2, float epsilon) {
    this.store = store;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
  }

  @Override
  public String name() {
    return "Adam";
  }

  @Override
  public void createSlots(List<ModelVariable> variables) {
    variables.forEach(v -> slot(v, "m"));
    variables.forEach(v -> slot(v, "v"));
  }

  @Override
  public Op apply(Ops tf, ModelVariable v, Operand<TFloat32> g, Operand<TFloat32> lr,
      Operand<TFloat32> step) {
    Operand<TFloat32> t = tf.math.add(step, tf.constant(1f));
    return tf.train.applyAdam(
        v.variable(),
        slot(v, "m").variable(),
        slot(v, "v").variable(),
        tf.math.pow(tf.constant(beta1), t),
        tf.math.pow(tf.constant(beta2), t),
        lr,
        tf.constant(beta1),
        tf.constant(beta2),
        tf.constant(epsilon),
        g);
  }

  private ModelVariable slot(ModelVariable v, String which) {
    return store.getOrCreateState(name() + "/" + v.name(), which, v.shape(), Initializer.ZEROS);
  }
}
