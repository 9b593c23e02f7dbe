package dev.sommelier.tasks.model;

import dev.sommelier.backbones.Backbone;
import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.backbones.Preprocessing;
import dev.sommelier.core.Device;
import dev.sommelier.core.ModelRuntime;
import dev.sommelier.core.Precision;
import dev.sommelier.core.Tensors;
import dev.sommelier.core.layers.FrozenWeights;
import dev.sommelier.core.layers.LayerGraph;
import dev.sommelier.heads.Head;
import dev.sommelier.heads.HeadOutput;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * A backbone and a head in one graph, ready to predict: the inference tower ({@code input ->
 * backbone -> head}) under Keras names. Training adds a training tower through {@link
 * dev.sommelier.tasks.train.TrainingGraph}. Owns its {@link ModelRuntime}; close it.
 */
public final class TaskModel implements AutoCloseable {

  private volatile ModelConfig config;
  private final ModelRuntime runtime;
  private final Backbone backbone;
  private final Head head;
  private final LayerGraph graph;
  private final Placeholder<TFloat32> input;
  private final Operand<TFloat32> features;
  private final HeadOutput output;

  private TaskModel(ModelConfig config, Backbone backbone, ModelRuntime runtime, LayerGraph graph) {
    this.config = config;
    this.runtime = runtime;
    this.backbone = backbone;
    this.head = config.head().create();
    this.graph = graph;
    int size = config.inputSize();
    this.input = graph.input("input_1", size, size, 3);
    this.features = backbone.build(graph, input);
    this.output = head.build(graph, features);
  }

  /**
   * Builds the model's graph with freshly initialised (seeded) weights.
   *
   * @throws IllegalArgumentException for an unknown backbone, bad options or an unavailable device
   */
  public static TaskModel create(ModelConfig config, BackboneRegistry registry, Device device) {
    return create(config, registry, device, Precision.FP32);
  }

  /**
   * As {@link #create(ModelConfig, BackboneRegistry, Device)}, computing in {@code precision}.
   *
   * @throws IllegalArgumentException for an unknown backbone, bad options or an unavailable device
   */
  public static TaskModel create(
      ModelConfig config, BackboneRegistry registry, Device device, Precision precision) {
    Backbone backbone = registry.create(config.backbone(), config.inputSize());
    ModelRuntime runtime = ModelRuntime.open(device, config.seed(), precision);
    try {
      return new TaskModel(config, backbone, runtime, LayerGraph.inference(runtime));
    } catch (RuntimeException e) {
      runtime.close();
      throw e;
    }
  }

  /**
   * This model for inference only, in a graph of its own on the same device: its weights, read
   * now, as constants ({@link FrozenWeights}), no variables and no training tower. It predicts and
   * explains as this model does, within float rounding, but cannot be trained, saved or exported.
   * This model stays open and unchanged; close both.
   */
  public TaskModel frozen(Precision precision) {
    FrozenWeights weights = FrozenWeights.read(graph);
    ModelRuntime frozen = ModelRuntime.open(runtime.device(), config.seed(), precision);
    try {
      return new TaskModel(config, backbone, frozen, LayerGraph.frozen(frozen, weights));
    } catch (RuntimeException e) {
      frozen.close();
      throw e;
    }
  }

  /**
   * Runs the inference tower on {@code n} images preprocessed as {@link #preprocessing()} says
   * ({@code n * size * size * 3} floats).
   *
   * @return {@code n * outputs} floats: class probabilities per image, or the value
   */
  public float[] predict(float[] images, int n) {
    return run(output.prediction(), images, n);
  }

  /** The backbone's feature map for {@code n} preprocessed images, flattened per image. */
  public float[] features(float[] images, int n) {
    return run(features, images, n);
  }

  private float[] run(Operand<TFloat32> fetch, float[] images, int n) {
    int size = config.inputSize();
    try (TFloat32 x = Tensors.of(Shape.of(n, size, size, 3), images);
        Result r = runtime.session().runner().feed(input, x).fetch(fetch).run()) {
      return Tensors.values(r.get(0));
    }
  }

  /** Scalars per image in the feature map. */
  public int featureSize() {
    Shape s = features.shape();
    long n = 1;
    for (int i = 1; i < s.numDimensions(); i++) {
      n *= s.get(i);
    }
    return Math.toIntExact(n);
  }

  public ModelConfig config() {
    return config;
  }

  /**
   * Decides each label of a multi-label model at {@code thresholds} from now on (thresholds tuned
   * on validation data); the config, and so a saved {@code model.json}, records them.
   *
   * @throws IllegalArgumentException when the model is not multi-label or the sizes differ
   */
  public void decideAt(List<Float> thresholds) {
    config = config.withThresholds(thresholds);
  }

  public ModelRuntime runtime() {
    return runtime;
  }

  public Backbone backbone() {
    return backbone;
  }

  /**
   * How to turn [0, 255] RGB pixels into this model's input: the model's own preprocessing when
   * its config records one (an imported Keras model's preprocessing layers), else the backbone's.
   * Every path that feeds the model (batch pipelines, prediction, explanation, evaluation) applies
   * exactly this, once.
   */
  public Preprocessing preprocessing() {
    return config.preprocessing() != null
        ? config.preprocessing() : backbone.spec().preprocessing();
  }

  public Head head() {
    return head;
  }

  /** The inference tower: every Keras layer by name (the Grad-CAM layer among them). */
  public LayerGraph graph() {
    return graph;
  }

  public Placeholder<TFloat32> input() {
    return input;
  }

  /** The backbone's feature map in the inference tower. */
  public Operand<TFloat32> features() {
    return features;
  }

  /** The head's score and prediction in the inference tower. */
  public HeadOutput output() {
    return output;
  }

  @Override
  public void close() {
    runtime.close();
  }
}
