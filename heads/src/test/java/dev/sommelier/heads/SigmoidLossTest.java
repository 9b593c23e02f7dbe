package dev.sommelier.heads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The sigmoid head's loss against binary cross-entropy written out in plain Java, {@code -z log p
 * - (1 - z) log(1 - p)} with {@code p = 1 / (1 + e^-x)}, averaged over labels and images, with and
 * without positive weights; and its gradient against the textbook {@code (p - z) / (n k)}.
 */
class SigmoidLossTest {

  private static final float[][] LOGITS = {{2.0f, -1.0f, 0.3f}, {-3.0f, 0.5f, 4.0f}};
  private static final float[][] TARGETS = {{1f, 0f, 1f}, {0f, 0f, 1f}};

  @Test
  void lossIsMeanBinaryCrossEntropy() {
    assertEquals(expected(new float[] {1, 1, 1}), run(List.of())[0], 1e-5);
  }

  @Test
  void positiveWeightsScaleTheLossOfPositiveTargets() {
    assertEquals(expected(new float[] {2, 1, 0.5f}), run(List.of(2f, 1f, 0.5f))[0], 1e-5);
  }

  @Test
  void gradientIsProbabilityMinusTarget() {
    float[] r = run(List.of());
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 3; j++) {
        double p = 1 / (1 + Math.exp(-LOGITS[i][j]));
        assertEquals((p - TARGETS[i][j]) / 6, r[1 + i * 3 + j], 1e-6, "d loss / d x[" + i + "," + j + "]");
      }
    }
  }

  private static double expected(float[] w) {
    double sum = 0;
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 3; j++) {
        double p = 1 / (1 + Math.exp(-LOGITS[i][j]));
        double z = TARGETS[i][j];
        sum += -w[j] * z * Math.log(p) - (1 - z) * Math.log(1 - p);
      }
    }
    return sum / 6;
  }

  /** The loss, then its gradient with respect to the logits, row-major. */
  private static float[] run(List<Float> weights) {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 3)));
      Operand<TFloat32> p = tf.math.sigmoid(x);
      Operand<TFloat32> loss = OutputFunction.SIGMOID.loss(tf, new HeadOutput(x, p),
          tf.constant(TARGETS), weights);
      Output<?>[] grad = g.addGradients(loss.asOutput(), new Output<?>[] {x.asOutput()});
      try (TFloat32 in = TFloat32.tensorOf(StdArrays.ndCopyOf(LOGITS));
          var result = s.runner().feed(x, in).fetch(loss).fetch(grad[0]).run()) {
        float[] out = new float[7];
        out[0] = ((TFloat32) result.get(0)).getFloat();
        TFloat32 dx = (TFloat32) result.get(1);
        for (int i = 0; i < 2; i++) {
          for (int j = 0; j < 3; j++) {
            out[1 + i * 3 + j] = dx.getFloat(i, j);
          }
        }
        return out;
      }
    }
  }
}
