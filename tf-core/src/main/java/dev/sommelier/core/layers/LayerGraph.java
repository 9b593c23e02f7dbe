package dev.sommelier.core.layers;

import dev.sommelier.core.Initializer;
import dev.sommelier.core.ModelRuntime;
import dev.sommelier.core.ModelVariable;
import dev.sommelier.core.VariableStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Builds Keras layers into a TF-Java graph, one call per layer, under exactly the Keras layer
 * names, and records each layer for summaries and cost counting.
 *
 * <p>One LayerGraph is one "tower": the inference tower (dropout off, moving batch-norm
 * statistics) or a training tower (dropout on, batch statistics when {@link BatchNormMode#TRAINING}).
 * Both towers of a model share the same variables through the runtime's {@link VariableStore}.
 * A {@linkplain #frozen frozen} graph is an inference tower whose weights are constants. In every
 * tower, batch norm on moving statistics is folded into the convolution before it ({@link
 * FoldedBatchNorm}).
 */
public final class LayerGraph {

  private static final String TRAINING_SCOPE = "training_tower";

  private final ModelRuntime runtime;
  private final VariableStore store;
  private final Ops towerRoot;
  private final boolean training;
  private final BatchNormMode batchNormMode;
  private final FrozenWeights frozen;
  private final Map<String, Operand<TFloat32>> outputs = new LinkedHashMap<>();
  private final Map<String, Operand<TFloat32>> preActivations = new LinkedHashMap<>();
  private final Map<String, int[]> paddings = new LinkedHashMap<>();
  private final List<LayerInfo> infos = new ArrayList<>();
  private final List<Op> updates = new ArrayList<>();
  private final List<BatchNormStatistics> batchStatistics = new ArrayList<>();
  private final FoldedBatchNorm folds = new FoldedBatchNorm();
  private long dropoutLayers;

  private LayerGraph(ModelRuntime runtime, boolean training, BatchNormMode batchNormMode,
      FrozenWeights frozen) {
    this.runtime = runtime;
    this.frozen = frozen;
    this.store = runtime.variables();
    this.training = training;
    this.batchNormMode = batchNormMode;
    this.towerRoot = training ? runtime.ops().withSubScope(TRAINING_SCOPE) : null;
  }

  /** The inference tower: layers' ops sit at the graph root under their Keras names. */
  public static LayerGraph inference(ModelRuntime runtime) {
    return new LayerGraph(runtime, false, BatchNormMode.FROZEN, null);
  }

  /**
   * An inference tower for inference only: every weight is a constant from {@code weights} (no
   * variables, nothing to initialise), so graph optimisation computes the folded kernels once and
   * oneDNN can keep its reordered weights.
   */
  public static LayerGraph frozen(ModelRuntime runtime, FrozenWeights weights) {
    return new LayerGraph(runtime, false, BatchNormMode.FROZEN, weights);
  }

  /** A training tower under {@code training_tower/}, sharing the inference tower's variables. */
  public static LayerGraph training(ModelRuntime runtime, BatchNormMode batchNormMode) {
    return new LayerGraph(runtime, true, batchNormMode, null);
  }

  // ---------------------------------------------------------------- layers

  /** A float image input {@code [batch, height, width, channels]} with the batch left open. */
  public Placeholder<TFloat32> input(String name, long height, long width, long channels) {
    Placeholder<TFloat32> in =
        scope(name)
            .withName("input")
            .placeholder(
                TFloat32.class,
                Placeholder.shape(Shape.of(-1, height, width, channels)));
    return record(name, "InputLayer", in, 0);
  }

  /** A vector input {@code [batch, features]}. */
  public Placeholder<TFloat32> vectorInput(String name, long features) {
    Placeholder<TFloat32> in =
        scope(name).withName("input").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, features)));
    return record(name, "InputLayer", in, 0);
  }

  /** Keras {@code Conv2D(filters, (kh, kw), strides, padding, use_bias)}. */
  public Operand<TFloat32> conv2d(
      String name, Operand<TFloat32> x, long filters, long kh, long kw, long stride, Padding padding,
      boolean useBias) {
    long cin = channels(x);
    Shape kShape = Shape.of(kh, kw, cin, filters);
    Ops tf = scope(name);
    List<Long> strides = List.of(1L, stride, stride, 1L);
    Operand<TFloat32> kernel = read(name, "kernel", kShape, Initializer.glorotFor(kShape), true);
    Operand<TFloat32> bias =
        useBias ? read(name, "bias", Shape.of(filters), Initializer.ZEROS, true) : null;
    Operand<TFloat32> y =
        OddChannelPadding.conv2d(runtime, tf, x, kernel, cin, strides, padding.name());
    if (bias != null) {
      y = tf.nn.biasAdd(y, bias);
    }
    folds.remember(y, new FoldedBatchNorm.Conv(x, kernel, bias, strides, padding.name(), false, cin));
    return record(name, "Conv2D", y, 2 * kh * kw * cin * filters * spatial(y));
  }

  /** Keras {@code DepthwiseConv2D((k, k), strides, padding, use_bias)}, depth multiplier 1. */
  public Operand<TFloat32> depthwiseConv2d(
      String name, Operand<TFloat32> x, long k, long stride, Padding padding, boolean useBias) {
    long c = channels(x);
    Shape kShape = Shape.of(k, k, c, 1);
    Ops tf = scope(name);
    List<Long> strides = List.of(1L, stride, stride, 1L);
    Operand<TFloat32> kernel =
        read(name, "depthwise_kernel", kShape, Initializer.glorotFor(kShape), true);
    Operand<TFloat32> bias =
        useBias ? read(name, "bias", Shape.of(c), Initializer.ZEROS, true) : null;
    Operand<TFloat32> y = tf.nn.depthwiseConv2dNative(x, kernel, strides, padding.name());
    if (bias != null) {
      y = tf.nn.biasAdd(y, bias);
    }
    folds.remember(y, new FoldedBatchNorm.Conv(x, kernel, bias, strides, padding.name(), true, c));
    return record(name, "DepthwiseConv2D", y, 2 * k * k * c * spatial(y));
  }

  /**
   * Keras {@code BatchNormalization(epsilon, momentum)} over the channel axis. Uses the moving
   * statistics, except in a training tower with {@link BatchNormMode#TRAINING}, where it uses the
   * batch's, adds the moving-average updates to {@link #updateOps()} and the batch statistics to
   * {@link #batchNormStatistics()}. TensorFlow's fused op normalises with the biased batch
   * variance but returns the unbiased one (Bessel-corrected), which the moving variance follows,
   * as in Keras. On moving statistics after a convolution without bias it is folded into that
   * convolution ({@link FoldedBatchNorm}).
   */
  public Operand<TFloat32> batchNorm(String name, Operand<TFloat32> x, float epsilon, float momentum) {
    Shape s = Shape.of(channels(x));
    Ops tf = scope(name);
    if (training && batchNormMode == BatchNormMode.TRAINING) {
      return batchStatisticsNorm(name, tf, x, s, epsilon, momentum);
    }
    Operand<TFloat32> gamma = read(name, "gamma", s, Initializer.ONES, true);
    Operand<TFloat32> beta = read(name, "beta", s, Initializer.ZEROS, true);
    Operand<TFloat32> mean = read(name, "moving_mean", s, Initializer.ZEROS, false);
    Operand<TFloat32> variance = read(name, "moving_variance", s, Initializer.ONES, false);
    FoldedBatchNorm.Conv conv = folds.producing(x);
    Operand<TFloat32> y = conv != null
        ? FoldedBatchNorm.apply(runtime, tf, conv, gamma, beta, mean, variance, epsilon)
        : tf.nn.fusedBatchNorm(x, gamma, beta, mean, variance, FusedBatchNorm.epsilon(epsilon),
            FusedBatchNorm.isTraining(false)).y();
    return record(name, "BatchNormalization", y, 0);
  }

  /** Batch norm on the batch's statistics, whose moving averages follow them. */
  private Operand<TFloat32> batchStatisticsNorm(
      String name, Ops tf, Operand<TFloat32> x, Shape s, float epsilon, float momentum) {
    ModelVariable gamma = weight(name, "gamma", s, Initializer.ONES, true);
    ModelVariable beta = weight(name, "beta", s, Initializer.ZEROS, true);
    ModelVariable mean = weight(name, "moving_mean", s, Initializer.ZEROS, false);
    ModelVariable variance = weight(name, "moving_variance", s, Initializer.ONES, false);
    FusedBatchNorm<TFloat32, TFloat32> bn = tf.nn.fusedBatchNorm(x, gamma.read(), beta.read(),
        mean.read(), variance.read(), FusedBatchNorm.epsilon(epsilon),
        FusedBatchNorm.isTraining(true));
    Operand<TFloat32> decay = tf.constant(1f - momentum);
    updates.add(tf.assignSub(
        mean.variable(), tf.math.mul(tf.math.sub(mean.read(), bn.batchMean()), decay)));
    updates.add(tf.assignSub(
        variance.variable(), tf.math.mul(tf.math.sub(variance.read(), bn.batchVariance()), decay)));
    batchStatistics.add(new BatchNormStatistics(
        name, bn.batchMean(), bn.batchVariance(), positions(x), mean, variance));
    return record(name, "BatchNormalization", bn.y(), 0);
  }

  /** Keras {@code Activation(name)} as a layer of its own ({@code conv1_relu} in ResNet50). */
  public Operand<TFloat32> activation(String name, Operand<TFloat32> x, Activation activation) {
    return record(name, "Activation", activation.apply(scope(name), x), 0);
  }

  /** Keras {@code ReLU(6.)} layer (MobileNet's {@code conv1_relu}). */
  public Operand<TFloat32> relu6(String name, Operand<TFloat32> x) {
    return record(name, "ReLU", scope(name).nn.relu6(x), 0);
  }

  /** Keras {@code ZeroPadding2D(((top, bottom), (left, right)))}. */
  public Operand<TFloat32> zeroPadding(
      String name, Operand<TFloat32> x, int top, int bottom, int left, int right) {
    Ops tf = scope(name);
    Operand<TFloat32> y =
        tf.pad(
            x,
            tf.constant(new int[][] {{0, 0}, {top, bottom}, {left, right}, {0, 0}}),
            tf.constant(0f));
    paddings.put(name, new int[] {top, bottom, left, right});
    return record(name, "ZeroPadding2D", y, 0);
  }

  /** Keras {@code MaxPooling2D(size, strides, padding)}. */
  public Operand<TFloat32> maxPool(
      String name, Operand<TFloat32> x, int size, int stride, Padding padding) {
    Ops tf = scope(name);
    Operand<TFloat32> y =
        tf.nn.maxPool(
            x,
            tf.constant(new int[] {1, size, size, 1}),
            tf.constant(new int[] {1, stride, stride, 1}),
            padding.name());
    return record(name, "MaxPooling2D", y, 0);
  }

  /** Keras {@code Add()} of two tensors of one shape. */
  public Operand<TFloat32> add(String name, Operand<TFloat32> a, Operand<TFloat32> b) {
    return record(name, "Add", scope(name).math.add(a, b), 0);
  }

  /** Keras {@code GlobalAveragePooling2D()}. */
  public Operand<TFloat32> globalAveragePooling(String name, Operand<TFloat32> x) {
    Ops tf = scope(name);
    return record(name, "GlobalAveragePooling2D", tf.math.mean(x, tf.constant(new int[] {1, 2})), 0);
  }

  /** Keras {@code Flatten()}. */
  public Operand<TFloat32> flatten(String name, Operand<TFloat32> x) {
    Ops tf = scope(name);
    return record(name, "Flatten", tf.reshape(x, tf.constant(new long[] {-1, featureCount(x)})), 0);
  }

  /** Keras {@code Reshape(target_shape)}; the batch axis is kept. */
  public Operand<TFloat32> reshape(String name, Operand<TFloat32> x, long... targetShape) {
    long[] full = new long[targetShape.length + 1];
    full[0] = -1;
    System.arraycopy(targetShape, 0, full, 1, targetShape.length);
    Ops tf = scope(name);
    return record(name, "Reshape", tf.reshape(x, tf.constant(full)), 0);
  }

  /**
   * Keras {@code Dropout(rate)}: identity in the inference tower, inverted dropout in training. The
   * mask comes from a stateless random op keyed by the model's seed, the layer and the {@linkplain
   * VariableStore#stepCounter() step count}, all restored with a checkpoint: a resumed run draws
   * the masks that the uninterrupted run draws (a stateful op would start its stream again in a
   * new session).
   */
  public Operand<TFloat32> dropout(String name, Operand<TFloat32> x, float rate) {
    if (!training || rate <= 0f) {
      return record(name, "Dropout", x, 0);
    }
    Ops tf = scope(name);
    float keep = 1f - rate;
    long layerKey = store.seed() * 0x9E3779B97F4A7C15L + dropoutLayers++;
    Operand<TInt64> seed = tf.stack(List.of(
        tf.constant(layerKey), tf.dtypes.cast(store.stepCounter().read(), TInt64.class)));
    Operand<TFloat32> u = tf.random.statelessRandomUniform(tf.shape(x), seed, TFloat32.class);
    Operand<TFloat32> mask = tf.math.floor(tf.math.add(u, tf.constant(keep)));
    return record(name, "Dropout", tf.math.mul(x, tf.math.div(mask, tf.constant(keep))), 0);
  }

  /** Keras {@code Dense(units, activation)}; the pre-activation stays reachable for losses. */
  public Operand<TFloat32> dense(
      String name, Operand<TFloat32> x, long units, Activation activation) {
    long in = featureCount(x);
    Shape kShape = Shape.of(in, units);
    Operand<TFloat32> kernel = read(name, "kernel", kShape, Initializer.glorotFor(kShape), true);
    Operand<TFloat32> bias = read(name, "bias", Shape.of(units), Initializer.ZEROS, true);
    Ops tf = scope(name);
    Operand<TFloat32> z = tf.nn.biasAdd(tf.linalg.matMul(x, kernel), bias);
    preActivations.put(name, z);
    return record(name, "Dense", activation.apply(tf, z), 2 * in * units);
  }

  // ---------------------------------------------------------------- results

  /** The output of layer {@code name}. */
  public Operand<TFloat32> output(String name) {
    Operand<TFloat32> out = outputs.get(name);
    if (out == null) {
      throw new IllegalArgumentException("no layer named '" + name + "' in this graph");
    }
    return out;
  }

  /** The output of a Dense layer before its activation (logits), or null. */
  public Operand<TFloat32> preActivation(String name) {
    return preActivations.get(name);
  }

  /**
   * The padding of ZeroPadding2D layer {@code name} as {@code {top, bottom, left, right}}, or null
   * when no such layer was built.
   */
  public int[] paddingOf(String name) {
    int[] p = paddings.get(name);
    return p == null ? null : p.clone();
  }


  /** True for a {@linkplain #frozen frozen} graph: constant weights, no variables. */
  public boolean isFrozen() {
    return frozen != null;
  }

  /** True when a layer {@code name} was built. */
  public boolean has(String name) {
    return outputs.containsKey(name);
  }

  /** The layers built so far, in order. */
  public List<LayerInfo> layers() {
    return Collections.unmodifiableList(infos);
  }

  /** Moving-average updates to run with every training step (empty for frozen batch norm). */
  public List<Op> updateOps() {
    return Collections.unmodifiableList(updates);
  }

  /**
   * Each batch-norm layer's batch statistics with its moving-statistics variables, in build order
   * (empty unless this is a training tower with {@link BatchNormMode#TRAINING}).
   */
  public List<BatchNormStatistics> batchNormStatistics() {
    return Collections.unmodifiableList(batchStatistics);
  }

  /** The runtime this graph is built in. */
  public ModelRuntime runtime() {
    return runtime;
  }

  // ---------------------------------------------------------------- helpers

  private Ops scope(String layer) {
    return training ? towerRoot.withSubScope(layer) : store.scope(layer);
  }

  private ModelVariable weight(
      String layer, String weight, Shape shape, Initializer init, boolean trainable) {
    return store.getOrCreate(layer, weight, shape, init, trainable);
  }

  /** Weight {@code layer/weight}: its variable's value, or in a frozen graph its constant. */
  private Operand<TFloat32> read(
      String layer, String weight, Shape shape, Initializer init, boolean trainable) {
    return frozen != null ? frozen.constant(scope(layer), layer, weight, shape)
        : weight(layer, weight, shape, init, trainable).read();
  }




  private <T extends Operand<TFloat32>> T record(String name, String type, T out, long flops) {
    if (outputs.containsKey(name)) {
      throw new IllegalArgumentException("duplicate layer name '" + name + "'");
    }
    outputs.put(name, out);
    long params = 0;
    long trainable = 0;
    for (ModelVariable v : store.all()) {
      if (v.layer().equals(name)) {
        params += v.size();
        trainable += v.trainable() ? v.size() : 0;
      }
    }
    Shape s = out.shape();
    long[] dims = new long[Math.max(0, s.numDimensions() - 1)];
    for (int i = 1; i < s.numDimensions(); i++) {
      dims[i - 1] = s.get(i);
    }
    infos.add(new LayerInfo(name, type, dims, params, trainable, flops));
    return out;
  }

  private static long channels(Operand<TFloat32> x) {
    Shape s = x.shape();
    long c = s.get(s.numDimensions() - 1);
    if (c < 0) {
      throw new IllegalArgumentException("the channel axis must be known, got shape " + s);
    }
    return c;
  }

  private static long spatial(Operand<TFloat32> y) {
    Shape s = y.shape();
    return Math.max(1, s.get(1)) * Math.max(1, s.get(2));
  }

  /** Values per channel of one image (height x width), or -1 when a spatial size is unknown. */
  private static long positions(Operand<TFloat32> x) {
    Shape s = x.shape();
    long n = 1;
    for (int i = 1; i < s.numDimensions() - 1; i++) {
      if (s.get(i) < 0) {
        return -1;
      }
      n *= s.get(i);
    }
    return n;
  }

  private static long featureCount(Operand<TFloat32> x) {
    Shape s = x.shape();
    long n = 1;
    for (int i = 1; i < s.numDimensions(); i++) {
      if (s.get(i) < 0) {
        throw new IllegalArgumentException("the feature axes must be known, got shape " + s);
      }
      n *= s.get(i);
    }
    return n;
  }
}
