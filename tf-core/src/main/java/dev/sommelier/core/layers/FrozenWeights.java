package dev.sommelier.core.layers;

import dev.sommelier.core.ModelVariable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A model's weights read once from its variables, to build a {@linkplain LayerGraph#frozen frozen
 * inference graph} whose weights are constants, named as the variables were ({@code
 * conv1/kernel}).
 *
 * <p>A batch normalization whose input is a convolution (or depthwise convolution) that nothing
 * else reads is folded into it: with {@code s = gamma / sqrt(moving_variance + epsilon)} per
 * output channel, the kernel becomes {@code kernel * s} and the bias {@code beta + (bias -
 * moving_mean) * s} (bias 0 for a convolution without one), so the convolution's output is the
 * batch normalization's. A layer whose scale has a zero or non-finite channel is left unfolded.
 */
public final class FrozenWeights {

  private static final Logger LOG = LoggerFactory.getLogger(FrozenWeights.class);
  private static final Set<String> CONVOLUTIONS = Set.of("Conv2D", "DepthwiseConv2D");

  /** A convolution layer whose output batch-norm layer {@code batchNorm} is folded into it. */
  private record Fold(String conv, String batchNorm, double[] scale) {}

  private final Map<String, float[]> values;
  private final Map<String, Fold> byConv = new HashMap<>();
  private final Map<String, Fold> byBatchNorm = new HashMap<>();

  private FrozenWeights(Map<String, float[]> values) {
    this.values = values;
  }

  /**
   * Reads the variables of {@code graph}'s runtime in one session run and finds the batch
   * normalizations of {@code graph} (an inference tower) that fold into their convolution.
   */
  public static FrozenWeights read(LayerGraph graph) {
    List<ModelVariable> variables = graph.runtime().variables().all();
    List<float[]> read = graph.runtime().values(variables);
    Map<String, float[]> values = new HashMap<>();
    for (int i = 0; i < variables.size(); i++) {
      values.put(variables.get(i).name(), read.get(i));
    }
    FrozenWeights w = new FrozenWeights(values);
    Map<Output<?>, String> convolutions = new HashMap<>();
    for (LayerInfo l : graph.layers()) {
      if (CONVOLUTIONS.contains(l.type())) {
        convolutions.put(graph.output(l.name()).asOutput(), l.name());
      } else if (l.type().equals("BatchNormalization")) {
        w.fold(graph, l.name(), convolutions);
      }
    }
    LOG.debug("frozen weights: {} variables, {} batch normalizations folded", values.size(),
        w.byConv.size());
    return w;
  }

  private void fold(LayerGraph graph, String batchNorm, Map<Output<?>, String> convolutions) {
    GraphOperation op = (GraphOperation) graph.output(batchNorm).op();
    Output<?> in = op.input(0);
    String conv = convolutions.get(in);
    if (conv == null || ((GraphOperation) in.op()).numConsumers(in.index()) != 1) {
      return;
    }
    float epsilon = op.attributes().getAttrFloat("epsilon");
    float[] gamma = value(batchNorm, "gamma");
    float[] variance = value(batchNorm, "moving_variance");
    double[] scale = new double[gamma.length];
    for (int c = 0; c < scale.length; c++) {
      scale[c] = gamma[c] / Math.sqrt((double) variance[c] + epsilon);
      if (scale[c] == 0 || !Double.isFinite(scale[c])) {
        LOG.debug("{} not folded into {}: channel {} scales by {}", batchNorm, conv, c, scale[c]);
        return;
      }
    }
    Fold f = new Fold(conv, batchNorm, scale);
    byConv.put(conv, f);
    byBatchNorm.put(batchNorm, f);
  }

  /** True when convolution layer {@code layer} carries its batch normalization. */
  boolean folds(String layer) {
    return byConv.containsKey(layer);
  }

  /** The convolution that batch-norm layer {@code layer} is folded into, or null. */
  String foldedFrom(String layer) {
    Fold f = byBatchNorm.get(layer);
    return f == null ? null : f.conv();
  }

  /** The batch-norm layer that convolution {@code layer} is folded into, or null. */
  String foldedInto(String layer) {
    Fold f = byConv.get(layer);
    return f == null ? null : f.batchNorm();
  }

  /**
   * Weight {@code layer/weight} as a constant named so in {@code tf} (the layer's scope): a
   * folded convolution's {@code kernel}, {@code depthwise_kernel} and {@code bias} come with its
   * batch normalization in them.
   *
   * @throws IllegalArgumentException when there is no such weight or it has another size
   */
  Operand<TFloat32> constant(Ops tf, String layer, String weight, Shape shape) {
    Fold f = byConv.get(layer);
    float[] v;
    if (f == null) {
      v = value(layer, weight);
    } else if (weight.equals("bias")) {
      v = foldedBias(f);
    } else {
      v = scaled(value(layer, weight), f.scale());
    }
    if (v.length != shape.size()) {
      throw new IllegalArgumentException("weight " + layer + "/" + weight + " has " + v.length
          + " values, but the layer needs " + shape);
    }
    return tf.withName(weight).constant(shape, DataBuffers.of(v, true, false));
  }

  /** Each output channel's weights times its scale; the channel is the index modulo the count. */
  private static float[] scaled(float[] kernel, double[] scale) {
    float[] out = new float[kernel.length];
    for (int i = 0; i < kernel.length; i++) {
      out[i] = (float) (kernel[i] * scale[i % scale.length]);
    }
    return out;
  }

  private float[] foldedBias(Fold f) {
    float[] beta = value(f.batchNorm(), "beta");
    float[] mean = value(f.batchNorm(), "moving_mean");
    float[] bias = values.get(f.conv() + "/bias");
    float[] out = new float[beta.length];
    for (int c = 0; c < out.length; c++) {
      double b = bias == null ? 0 : bias[c];
      out[c] = (float) (beta[c] + (b - mean[c]) * f.scale()[c]);
    }
    return out;
  }

  private float[] value(String layer, String weight) {
    float[] v = values.get(layer + "/" + weight);
    if (v == null) {
      throw new IllegalArgumentException("the frozen graph has no value for " + layer + "/"
          + weight + ": freeze a model whose graph has built every layer it is frozen with");
    }
    return v;
  }
}
