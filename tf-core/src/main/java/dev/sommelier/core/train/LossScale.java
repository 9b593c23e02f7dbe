package dev.sommelier.core.train;

import dev.sommelier.core.Initializer;
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
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Dynamic loss scaling for float16 training: the loss is multiplied by a scale before
 * differentiation so that small gradients survive float16, and the gradients are divided by it
 * again. A step whose gradients are not all finite is skipped (no variable, slot or step counter
 * changes) and halves the scale (down to 1); after {@code growthInterval} finite steps in a row the
 * scale doubles. The scale and the count of finite steps are state variables ({@code
 * loss_scale/scale}, {@code loss_scale/good_steps}), so checkpoints carry them and a resumed run
 * scales as the uninterrupted one. Powers of two keep scaling and unscaling exact.
 *
 * @param initialScale the first scale, a power of two
 * @param growthInterval finite steps in a row before the scale doubles
 */
public record LossScale(float initialScale, int growthInterval) {

  /** The usual dynamic scaling: 2^15 to start, doubled after 2,000 finite steps. */
  public static final LossScale DYNAMIC = new LossScale(32768f, 2000);

  public LossScale {
    if (!(initialScale >= 1) || Math.getExponent(initialScale) < 0
        || initialScale != Math.scalb(1f, Math.getExponent(initialScale))) {
      throw new IllegalArgumentException("the initial loss scale must be a power of two >= 1, got "
          + initialScale);
    }
    if (growthInterval < 1) {
      throw new IllegalArgumentException("the growth interval must be >= 1, got " + growthInterval);
    }
  }

  /** The graph pieces of one scaled step. */
  record Scaled(List<Operand<TFloat32>> gradients, Operand<TBool> finite, Op updateScale) {}

  /**
   * Differentiates {@code loss * scale} with respect to {@code xs}, unscales the gradients, and
   * builds the scale's update (which runs whether or not the step is applied).
   *
   * @return null entries where the loss does not reach a variable, as {@code addGradients} gives
   */
  Scaled differentiate(
      Graph graph, Ops tf, VariableStore store, Operand<TFloat32> loss, Output<?>[] xs) {
    ModelVariable scale = store.getOrCreateState("loss_scale", "scale", Shape.scalar(),
        new Initializer.Constant(initialScale));
    ModelVariable good = store.getOrCreateState("loss_scale", "good_steps", Shape.scalar(),
        Initializer.ZEROS);
    Ops ls = tf.withSubScope("loss_scale");
    Operand<TFloat32> s = ls.identity(scale.read());
    Operand<TFloat32> scaled = ls.math.mul(loss, s);
    Output<?>[] grads = graph.addGradients(scaled.asOutput(), xs);
    List<Operand<TFloat32>> unscaled = new ArrayList<>();
    List<Operand<TBool>> finiteEach = new ArrayList<>();
    for (Output<?> g : grads) {
      if (g == null) {
        unscaled.add(null);
        continue;
      }
      @SuppressWarnings("unchecked")
      Operand<TFloat32> gf = (Operand<TFloat32>) g;
      Operand<TFloat32> u = ls.math.div(gf, s);
      unscaled.add(u);
      finiteEach.add(ls.reduceAll(ls.math.isFinite(u), allAxes(ls, gf)));
    }
    Operand<TBool> finite = ls.reduceAll(ls.stack(finiteEach), ls.constant(new int[] {0}));

    // The new scale and count are computed from values read before either is assigned.
    Operand<TFloat32> one = ls.constant(1f);
    Operand<TFloat32> zero = ls.constant(0f);
    Operand<TFloat32> goodNow = ls.identity(good.read());
    Operand<TFloat32> counted = ls.select(finite, ls.math.add(goodNow, one), zero);
    Operand<TBool> grow = ls.math.greaterEqual(counted, ls.constant((float) growthInterval));
    Operand<TFloat32> newScale = ls.select(finite,
        ls.select(grow, ls.math.mul(s, ls.constant(2f)), s),
        ls.math.maximum(ls.math.div(s, ls.constant(2f)), one));
    Operand<TFloat32> newGood = ls.select(grow, zero, counted);
    List<Op> readsDone = new ArrayList<>(unscaled.stream().filter(u -> u != null).toList());
    readsDone.add(finite);
    readsDone.add(newScale);
    readsDone.add(newGood);
    Ops after = ls.withControlDependencies(readsDone);
    Op update = after.withControlDependencies(List.of(
        after.assign(scale.variable(), newScale), after.assign(good.variable(), newGood)))
        .noOp();
    return new Scaled(unscaled, finite, update);
  }

  private static Operand<TInt32> allAxes(Ops tf, Operand<TFloat32> x) {
    return tf.range(tf.constant(0), tf.rank(x), tf.constant(1));
  }
}
