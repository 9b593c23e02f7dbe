package dev.sommelier.core.train;

import dev.sommelier.core.Initializer;
import dev.sommelier.core.ModelVariable;
import dev.sommelier.core.VariableStore;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.train.ApplyMomentum;
import org.tensorflow.types.TFloat32;

/**
 * SGD with momentum, optionally Nesterov (fused ApplyMomentum). One accumulator per variable,
 * {@code Momentum/<variable>/momentum}.
 */
public final class Momentum implements Optimizer {

  private final VariableStore store;
  private final float momentum;
  private final boolean nesterov;

  /**
   * @param store where the accumulators live
   * @param momentum decay of the accumulator, e.g. 0.9
   * @param nesterov whether to use Nesterov's look-ahead update
   */
  public Momentum(VariableStore store, float momentum, boolean nesterov) {
    if (momentum < 0f || momentum >= 1f) {
      throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
    }
    this.store = store;
    this.momentum = momentum;
    this.nesterov = nesterov;
  }

  @Override
  public String name() {
    return "Momentum";
  }

  @Override
  public void createSlots(List<ModelVariable> variables) {
    variables.forEach(this::accumulator);
  }

  @Override
  public Op apply(Ops tf, ModelVariable v, Operand<TFloat32> g, Operand<TFloat32> lr,
      Operand<TFloat32> step) {
    return tf.train.applyMomentum(
        v.variable(),
        accumulator(v).variable(),
        lr,
        g,
        tf.constant(momentum),
        ApplyMomentum.useNesterov(nesterov));
  }

  private ModelVariable accumulator(ModelVariable v) {
    return store.getOrCreateState(name() + "/" + v.name(), "momentum", v.shape(), Initializer.ZEROS);
  }
}
