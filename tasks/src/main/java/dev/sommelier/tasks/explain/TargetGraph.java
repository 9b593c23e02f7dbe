package dev.sommelier.tasks.explain;

import dev.sommelier.heads.HeadOutput;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The graph pieces that explain one kind of target at some layers, built once: each image's
 * target score {@code t_b = sum_k selector[b, k] * s[b, k]} (with {@code s} the head's logits or
 * probabilities), their sum {@code y} over the batch, and {@code dy/dA} of each layer from {@link
 * Graph#addGradients}. Since image {@code b}'s activations reach only {@code t_b}, the gradient of
 * {@code y} at image {@code b} is that image's own gradient.
 *
 * <p>The selector is either fed ({@link CamTarget#selector}) or, for the predicted class, the
 * one-hot of each image's top prediction, computed in the graph.
 *
 * @param selector the fed selector {@code [batch, outputs]}; null when computed in the graph
 * @param scores each image's target score {@code [batch]}
 * @param gradients {@code dy/dA} of each layer, shaped like it
 */
record TargetGraph(Placeholder<TFloat32> selector, Operand<TFloat32> scores,
    List<Output<?>> gradients) {

  /** Which head tensor a target reads, and whether the graph picks each image's class itself. */
  enum Kind {
    /** Logits (or a regressor's value) times a fed selector. */
    FED_SCORE,
    /** Probabilities times a fed selector. */
    FED_PROBABILITY,
    /** The logit of each image's top class. */
    TOP_SCORE;

    static Kind of(CamTarget target) {
      if (target.readsProbabilities()) {
        return FED_PROBABILITY;
      }
      return target.selector(0, 0) == null ? TOP_SCORE : FED_SCORE;
    }
  }

  /** Builds the pieces of {@code kind} for {@code layers} into {@code graph}. */
  static TargetGraph build(Ops ops, Graph graph, HeadOutput head, int outputs,
      List<? extends Operand<TFloat32>> layers, Kind kind) {
    Ops tf = ops.withSubScope("grad_cam");
    Placeholder<TFloat32> fed = null;
    Operand<TFloat32> selector;
    if (kind == Kind.TOP_SCORE) {
      selector = tf.stopGradient(tf.oneHot(tf.math.argMax(head.prediction(), tf.constant(1)),
          tf.constant(outputs), tf.constant(1f), tf.constant(0f)));
    } else {
      fed = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, outputs)));
      selector = fed;
    }
    Operand<TFloat32> source = kind == Kind.FED_PROBABILITY ? head.prediction() : head.score();
    Operand<TFloat32> scores = tf.reduceSum(tf.math.mul(source, selector), tf.constant(1));
    Operand<TFloat32> y = tf.reduceSum(scores, tf.constant(0));
    Output<?>[] dy = graph.addGradients(y.asOutput(),
        layers.stream().map(Operand::asOutput).toArray(Output<?>[]::new));
    for (Output<?> d : dy) {
      if (d == null) {
        throw new IllegalStateException("the head's score does not depend on the explained layer");
      }
    }
    return new TargetGraph(fed, scores, List.of(dy));
  }
}
