package dev.sommelier.heads;

import dev.sommelier.core.layers.Activation;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * What a head's output layer computes and the loss that trains it, as a Keras model of the same
 * head would have it: the graph half of what a model's output is (the task half, targets and
 * decoding, is {@code dev.sommelier.tasks.model.OutputKind}).
 */
public enum OutputFunction {

  /** One class out of k: {@code Dense(k, softmax)}, categorical cross-entropy on the logits. */
  SOFTMAX(Activation.SOFTMAX, 2) {
    @Override
    Operand<TFloat32> batchLoss(Ops tf, HeadOutput out, Operand<TFloat32> target, List<Float> w) {
      return tf.nn.softmaxCrossEntropyWithLogits(out.score(), target).loss();
    }
  },

  /** One value: {@code Dense(1)}, mean squared error. */
  LINEAR(Activation.LINEAR, 1) {
    @Override
    Operand<TFloat32> batchLoss(Ops tf, HeadOutput out, Operand<TFloat32> target, List<Float> w) {
      return tf.math.mean(tf.math.square(tf.math.sub(out.prediction(), target)), tf.constant(1));
    }
  },

  /**
   * Any number of k labels: {@code Dense(k, sigmoid)}, binary cross-entropy on the logits averaged
   * over labels (Keras's {@code binary_crossentropy}); a label's positive weight {@code p}
   * multiplies the loss of its positive targets, as TensorFlow's {@code
   * weighted_cross_entropy_with_logits}: {@code (1 - z) x + (1 + (p - 1) z) softplus(-x)}.
   */
  SIGMOID(Activation.SIGMOID, 1) {
    @Override
    Operand<TFloat32> batchLoss(Ops tf, HeadOutput out, Operand<TFloat32> target, List<Float> w) {
      Operand<TFloat32> x = out.score();
      Operand<TFloat32> one = tf.constant(1f);
      Operand<TFloat32> negativeTerm = tf.math.mul(tf.math.sub(one, target), x);
      Operand<TFloat32> softplus = tf.math.softplus(tf.math.neg(x));
      Operand<TFloat32> positiveScale = one;
      if (!w.isEmpty()) {
        float[] minusOne = new float[w.size()];
        for (int j = 0; j < minusOne.length; j++) {
          minusOne[j] = w.get(j) - 1f;
        }
        positiveScale = tf.math.add(one, tf.math.mul(tf.constant(minusOne), target));
      }
      Operand<TFloat32> perLabel = tf.math.add(negativeTerm, tf.math.mul(positiveScale, softplus));
      return tf.math.mean(perLabel, tf.constant(1));
    }
  };

  private final Activation activation;
  private final int minOutputs;

  OutputFunction(Activation activation, int minOutputs) {
    this.activation = activation;
    this.minOutputs = minOutputs;
  }

  /** The output layer's Keras activation. */
  public Activation activation() {
    return activation;
  }

  /** The fewest outputs the layer may have: 2 classes, 1 value, 1 label. */
  public int minOutputs() {
    return minOutputs;
  }

  /**
   * The mean loss of a batch.
   *
   * @param target {@code [batch, k]}: one-hot classes, the value, or 0/1 per label
   * @param positiveWeights per-label weights of positive targets (sigmoid only), or empty
   */
  public Operand<TFloat32> loss(Ops tf, HeadOutput output, Operand<TFloat32> target,
      List<Float> positiveWeights) {
    Ops scope = tf.withSubScope("loss");
    return scope.math.mean(batchLoss(scope, output, target, positiveWeights), scope.constant(0));
  }

  /** The loss of each image, {@code [batch]}. */
  abstract Operand<TFloat32> batchLoss(Ops tf, HeadOutput out, Operand<TFloat32> target,
      List<Float> positiveWeights);
}
