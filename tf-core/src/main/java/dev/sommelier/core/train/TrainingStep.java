package dev.sommelier.core.train;

import dev.sommelier.core.Initializer;
import dev.sommelier.core.ModelRuntime;
import dev.sommelier.core.ModelVariable;
import dev.sommelier.core.VariableStore;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * One training step as a single graph target: gradients of a loss with respect to an explicit
 * list of variables (never "every variable in the graph"), the optimizer's fused updates, the
 * batch-norm moving-average updates and the step counter. The learning rate lives in a variable,
 * so changing it never rebuilds the graph.
 */
public final class TrainingStep {

  private final Op target;
  private final Operand<TFloat32> loss;
  private final ModelVariable learningRate;
  private final ModelVariable step;
  private final List<ModelVariable> trained;
  private final Operand<TFloat32> newLearningRate;
  private final Op setLearningRate;

  private TrainingStep(Op target, Operand<TFloat32> loss, ModelVariable learningRate,
      ModelVariable step, List<ModelVariable> trained, Operand<TFloat32> newLearningRate,
      Op setLearningRate) {
    this.target = target;
    this.loss = loss;
    this.learningRate = learningRate;
    this.step = step;
    this.trained = trained;
    this.newLearningRate = newLearningRate;
    this.setLearningRate = setLearningRate;
  }

  /**
   * Builds the step.
   *
   * @param loss scalar loss of the training tower
   * @param trained the variables to update; each must be trainable and reach the loss
   * @param extraUpdates ops to run with every step (batch-norm moving averages)
   * @param learningRate initial learning rate
   * @throws IllegalArgumentException listing the variables the loss does not depend on
   */
  public static TrainingStep build(
      ModelRuntime runtime,
      Operand<TFloat32> loss,
      List<ModelVariable> trained,
      List<Op> extraUpdates,
      Optimizer optimizer,
      float learningRate) {
    return build(runtime, loss, trained, extraUpdates, optimizer, learningRate,
        runtime.precision().lossScaling() ? LossScale.DYNAMIC : null);
  }

  /**
   * Builds the step, with {@code lossScale} (or null for none): float16 precision needs it, and
   * the runtime's precision chooses it in the other overload.
   */
  static TrainingStep build(
      ModelRuntime runtime,
      Operand<TFloat32> loss,
      List<ModelVariable> trained,
      List<Op> extraUpdates,
      Optimizer optimizer,
      float learningRate,
      LossScale lossScale) {
    if (trained.isEmpty()) {
      throw new IllegalArgumentException("nothing to train: the list of trained variables is empty");
    }
    for (ModelVariable v : trained) {
      if (!v.trainable()) {
        throw new IllegalArgumentException(v.name() + " is not trainable (a statistic)");
      }
    }
    VariableStore store = runtime.variables();
    ModelVariable lr =
        store.getOrCreateState("training", "learning_rate", Shape.scalar(),
            new Initializer.Constant(learningRate));
    ModelVariable step = store.stepCounter();
    optimizer.createSlots(trained);

    Graph graph = runtime.graph();
    Output<?>[] xs = trained.stream().map(v -> v.read().asOutput()).toArray(Output<?>[]::new);
    LossScale.Scaled scaled = lossScale == null ? null
        : lossScale.differentiate(graph, runtime.ops(), store, loss, xs);
    Output<?>[] grads = scaled == null ? graph.addGradients(loss.asOutput(), xs)
        : scaled.gradients().stream().map(g -> g == null ? null : g.asOutput())
            .toArray(Output<?>[]::new);
    List<String> unreached = new ArrayList<>();
    for (int i = 0; i < grads.length; i++) {
      if (grads[i] == null) {
        unreached.add(trained.get(i).name());
      }
    }
    if (!unreached.isEmpty()) {
      throw new IllegalArgumentException("the loss does not depend on: " + unreached);
    }

    // Reads of ref variables alias their buffers, so no update may start before every gradient
    // and the loss have been computed: otherwise backprop could read an already-updated weight
    // and runs would not be reproducible.
    List<Op> computed = new ArrayList<>();
    computed.add(loss);
    for (Output<?> g : grads) {
      computed.add(g);
    }
    Ops tf = runtime.ops().withSubScope("train_step").withControlDependencies(computed);
    List<Op> updates = new ArrayList<>(extraUpdates);
    for (int i = 0; i < grads.length; i++) {
      @SuppressWarnings("unchecked")
      Operand<TFloat32> g = (Operand<TFloat32>) grads[i];
      if (scaled != null) {
        // A step with a non-finite gradient is skipped: its updates, and the step count that
        // depends on them, never run.
        g = tf.switchCond(g, scaled.finite()).outputTrue();
      }
      updates.add(optimizer.apply(tf, trained.get(i), g, lr.read(), step.read()));
    }
    Op applied = tf.withControlDependencies(updates).noOp();
    Op counted =
        tf.withControlDependencies(List.of(applied)).assignAdd(step.variable(), tf.constant(1f));
    Op target = scaled == null ? counted
        : tf.withControlDependencies(List.of(counted, scaled.updateScale())).noOp();
    Ops lrScope = runtime.ops().withSubScope("set_learning_rate");
    Operand<TFloat32> newLr = lrScope.placeholder(TFloat32.class);
    Op setLr = lrScope.assign(lr.variable(), newLr);
    return new TrainingStep(target, loss, lr, step, List.copyOf(trained), newLr, setLr);
  }

  /** The op to run as a target once per step. */
  public Op target() {
    return target;
  }

  /** The loss to fetch with the step. */
  public Operand<TFloat32> loss() {
    return loss;
  }

  /** The variables this step updates. */
  public List<ModelVariable> trained() {
    return trained;
  }

  /** The learning-rate variable. */
  public ModelVariable learningRate() {
    return learningRate;
  }

  /** The step counter variable (float, counts completed steps). */
  public ModelVariable step() {
    return step;
  }

  /** Placeholder to feed with a new rate when running {@link #setLearningRateOp()}. */
  public Operand<TFloat32> newLearningRate() {
    return newLearningRate;
  }

  /** Assigns {@link #newLearningRate()} to the learning-rate variable. */
  public Op setLearningRateOp() {
    return setLearningRate;
  }
}
