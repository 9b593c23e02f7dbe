package dev.sommelier.heads;

import dev.sommelier.core.layers.Activation;
import dev.sommelier.core.layers.LayerGraph;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The three heads as one chain of Keras layers: pooling, hidden {@code Dense(ReLU)} layers, dropout,
 * and the {@code predictions} layer (softmax, or linear for a value). Layer names are Keras's
 * defaults ({@code flatten}, {@code dense}, {@code dense_1}, {@code dropout}, ...), so a Keras head's
 * weights import by name.
 *
 * <ul>
 *   <li>softmax: pooling, Dropout, Dense(k, softmax)
 *   <li>regressor: pooling, Dense(hidden, ReLU), Dense(1)
 *   <li>mlp: Flatten, (Dense(h, ReLU), Dropout) per hidden width, then the output
 * </ul>
 */
final class DenseHead implements Head {

  private static final String OUTPUT = "predictions";
  private final HeadSpec spec;

  DenseHead(HeadSpec spec) {
    this.spec = spec;
  }

  @Override
  public HeadSpec spec() {
    return spec;
  }

  @Override
  public HeadOutput build(LayerGraph g, Operand<TFloat32> features) {
    Operand<TFloat32> x = spec.pooling().build(g, features);
    boolean dropoutAfterHidden = spec.type().equals("mlp");
    for (int i = 0; i < spec.hidden().size(); i++) {
      x = g.dense(suffixed("dense", i), x, spec.hidden().get(i), Activation.RELU);
      if (dropoutAfterHidden && spec.dropout() > 0) {
        x = g.dropout(suffixed("dropout", i), x, spec.dropout());
      }
    }
    if (!dropoutAfterHidden && spec.dropout() > 0) {
      x = g.dropout("dropout", x, spec.dropout());
    }
    Operand<TFloat32> prediction =
        g.dense(OUTPUT, x, spec.outputs(), spec.classification() ? Activation.SOFTMAX : Activation.LINEAR);
    return new HeadOutput(g.preActivation(OUTPUT), prediction);
  }

  @Override
  public Operand<TFloat32> loss(Ops tf, HeadOutput output, Operand<TFloat32> target) {
    Ops scope = tf.withSubScope("loss");
    if (spec.classification()) {
      return scope.math.mean(
          scope.nn.softmaxCrossEntropyWithLogits(output.score(), target).loss(), scope.constant(0));
    }
    return scope.math.mean(
        scope.math.square(scope.math.sub(output.prediction(), target)), scope.constant(new int[] {0, 1}));
  }

  /** Keras's automatic names: {@code dense}, {@code dense_1}, {@code dense_2}, ... */
  private static String suffixed(String base, int i) {
    return i == 0 ? base : base + "_" + i;
  }
}
