package dev.sommelier.core;

import dev.sommelier.core.layers.Activation;
import dev.sommelier.core.layers.LayerGraph;
import java.util.Random;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** A 4-feature, 8-hidden, 1-output regression net and a seeded data set for it (tests only). */
final class TinyModel {

  static final int N = 16;
  final LayerGraph graph;
  final Placeholder<TFloat32> x;
  final Placeholder<TFloat32> y;
  final Operand<TFloat32> prediction;
  final Operand<TFloat32> loss;
  static final float[] XS = new float[N * 4];
  static final float[] YS = new float[N];

  static {
    Random r = new Random(3);
    for (int i = 0; i < N; i++) {
      float s = 0;
      for (int j = 0; j < 4; j++) {
        XS[i * 4 + j] = (float) r.nextGaussian();
        s += (j + 1) * XS[i * 4 + j];
      }
      YS[i] = 0.5f * s + 1f;
    }
  }

  TinyModel(ModelRuntime rt) {
    graph = LayerGraph.inference(rt);
    x = graph.vectorInput("features", 4);
    Operand<TFloat32> h = graph.dense("hidden", x, 8, Activation.RELU);
    prediction = graph.dense("value", h, 1, Activation.LINEAR);
    Ops tf = rt.ops();
    y = tf.withName("target").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 1)));
    loss = tf.math.mean(tf.math.square(tf.math.sub(prediction, y)), tf.constant(new int[] {0, 1}));
  }

  TFloat32 xTensor() {
    return Tensors.of(Shape.of(N, 4), XS);
  }

  TFloat32 yTensor() {
    return Tensors.of(Shape.of(N, 1), YS);
  }

  /** Runs {@code fetch} on the data set. */
  float[] eval(ModelRuntime rt, Operand<TFloat32> fetch) {
    try (TFloat32 xt = xTensor();
        TFloat32 yt = yTensor();
        var r = rt.session().runner().feed(x, xt).feed(y, yt).fetch(fetch).run()) {
      return Tensors.values(r.get(0));
    }
  }
}
