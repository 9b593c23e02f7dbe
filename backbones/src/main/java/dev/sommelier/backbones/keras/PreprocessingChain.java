package dev.sommelier.backbones.keras;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sommelier.backbones.Preprocessing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The layers a Keras model puts between its input and its backbone, read as what Sommelier does
 * outside the graph: {@code Rescaling}, {@code Normalization} and arithmetic with constants
 * ({@code TFOpLambda} {@code tf.math.truediv}, {@code subtract}, {@code multiply}, {@code add},
 * {@code tf.__operators__.add}) compose into one per-channel affine transform of [0, 255] RGB
 * pixels; {@code Resizing} sets the input size (the data pipeline resizes anyway); the {@code
 * Random*} augmentation layers are identity at inference and are recorded for training.
 *
 * @param layers all those layers, in order
 * @param transform what they compute, or empty when none of them computes anything
 * @param size the {@code Resizing} size, or 0 when there is none
 * @param augmentation the {@code Random*} layers
 * @param usedWeights the saved arrays the chain consumed (an adapted Normalization's statistics, an
 *     augmentation layer's saved random generator state)
 */
public record PreprocessingChain(
    List<KerasLayer> layers,
    Optional<Preprocessing> transform,
    int size,
    List<KerasLayer> augmentation,
    Set<String> usedWeights) {

  /** Keras's {@code backend.epsilon()}, the floor of a Normalization's standard deviation. */
  static final double KERAS_EPSILON = 1e-7;

  private static final Set<String> AUGMENTATION =
      Set.of("RandomFlip", "RandomRotation", "RandomZoom", "RandomTranslation", "RandomContrast",
          "RandomBrightness");
  private static final String SUPPORTED =
      "Rescaling, Normalization, TFOpLambda arithmetic with a constant (tf.math.truediv,"
          + " tf.math.subtract, tf.math.multiply, tf.math.add, tf.__operators__.add), Resizing and"
          + " the Random* augmentation layers";

  public PreprocessingChain {
    layers = List.copyOf(layers);
    augmentation = List.copyOf(augmentation);
    usedWeights = Set.copyOf(usedWeights);
  }

  /** No layers between input and backbone. */
  static PreprocessingChain none() {
    return new PreprocessingChain(List.of(), Optional.empty(), 0, List.of(), Set.of());
  }

  /**
   * Reads {@code layers}, which must form a chain from {@code input}.
   *
   * @param source the file, for messages and an adapted Normalization's saved statistics
   * @throws IllegalArgumentException naming the first layer that computes something else, or that
   *     is not fed by the layer before it
   */
  static PreprocessingChain read(List<KerasLayer> layers, String input, KerasModelSource source) {
    Path where = source.path();
    double[] scale = {1, 1, 1};
    double[] offset = {0, 0, 0};
    boolean computes = false;
    int size = 0;
    List<KerasLayer> augmentation = new ArrayList<>();
    Set<String> used = new HashSet<>();
    String previous = input;
    for (KerasLayer l : layers) {
      if (!l.inbound().equals(List.of(previous))) {
        throw new IllegalArgumentException(where + ": layer " + l.name() + " (" + l.className()
            + ") takes " + l.inbound() + ", but the layers before the backbone must form a chain"
            + " from the input, each fed by the one before");
      }
      previous = l.name();
      double[][] step = switch (l.className()) {
        case "Rescaling" -> new double[][] {
            perChannel(l, l.config().path("scale"), where),
            l.config().hasNonNull("offset")
                ? perChannel(l, l.config().path("offset"), where) : new double[3]};
        case "Normalization" -> normalization(l, source, used);
        case "TFOpLambda" -> arithmetic(l, where);
        default -> null;
      };
      if (step != null) {
        for (int c = 0; c < 3; c++) {
          scale[c] *= step[0][c];
          offset[c] = offset[c] * step[0][c] + step[1][c];
        }
        computes = true;
      } else if (l.className().equals("Resizing")) {
        size = resizing(l, where);
      } else if (AUGMENTATION.contains(l.className())) {
        augmentation.add(l);
        // A random generator state saved with the layer (as a weight) is no model weight.
        source.weights().values().stream().filter(w -> w.layer().equals(l.name()))
            .forEach(w -> used.add(w.name()));
      } else {
        throw new IllegalArgumentException(where + ": layer " + l.name() + " (" + l.className()
            + ") sits between the input and the backbone and computes something Sommelier cannot"
            + " do before the backbone; supported there: " + SUPPORTED);
      }
    }
    Optional<Preprocessing> transform = computes
        ? Optional.of(Preprocessing.affine(floats(scale), floats(offset))) : Optional.empty();
    return new PreprocessingChain(layers, transform, size, augmentation, used);
  }

  /** The name of the layer whose output feeds the backbone: the last layer, or {@code input}. */
  String output(String input) {
    return layers.isEmpty() ? input : layers.get(layers.size() - 1).name();
  }

  /** (x - mean) / max(sqrt(variance), epsilon), per channel; statistics from config or weights. */
  private static double[][] normalization(KerasLayer l, KerasModelSource source, Set<String> used) {
    Path where = source.path();
    if (l.config().path("invert").asBoolean(false)) {
      throw new IllegalArgumentException(where + ": layer " + l.name() + " (Normalization) has"
          + " invert=True, which undoes a normalisation instead of applying one; it cannot be"
          + " preprocessing");
    }
    JsonNode axis = l.config().path("axis");
    List<Long> axes = new ArrayList<>();
    if (axis.isArray()) {
      axis.forEach(a -> axes.add(a.asLong()));
    } else if (axis.isNumber()) {
      axes.add(axis.asLong());
    }
    if (!axes.isEmpty() && !axes.equals(List.of(-1L)) && !axes.equals(List.of(3L))) {
      throw new IllegalArgumentException(where + ": layer " + l.name() + " (Normalization)"
          + " normalises over axis " + axes + "; only the channel axis (-1) or all values"
          + " (axis=None) are per-channel preprocessing");
    }
    double[] mean;
    double[] variance;
    JsonNode configMean = l.config().path("mean");
    if (!configMean.isMissingNode() && !configMean.isNull()) {
      mean = perChannel(l, configMean, where);
      variance = perChannel(l, l.config().path("variance"), where);
    } else {
      Map<String, KerasWeight> weights = source.weights();
      KerasWeight m = weights.get(l.name() + "/mean");
      KerasWeight v = weights.get(l.name() + "/variance");
      if (m == null || v == null) {
        throw new IllegalArgumentException(where + ": layer " + l.name() + " (Normalization) has"
            + " neither mean and variance in its config nor saved statistics " + l.name()
            + "/mean and " + l.name() + "/variance; adapt it before saving");
      }
      mean = perChannel(l, m.values(), where);
      variance = perChannel(l, v.values(), where);
      used.add(m.name());
      used.add(v.name());
      KerasWeight count = weights.get(l.name() + "/count");
      if (count != null) {
        used.add(count.name());
      }
    }
    double[][] step = new double[2][3];
    for (int c = 0; c < 3; c++) {
      step[0][c] = 1 / Math.max(Math.sqrt(variance[c]), KERAS_EPSILON);
      step[1][c] = -mean[c] * step[0][c];
    }
    return step;
  }

  /** A TFOpLambda of one tensor and one constant, as the scale and offset it applies. */
  private static double[][] arithmetic(KerasLayer l, Object where) {
    String function = l.config().path("function").asText();
    JsonNode kwargs = kwargs(l.call());
    boolean tensorFirst = kwargs != null && kwargs.has("y") && !kwargs.get("y").isNull();
    JsonNode constant = kwargs == null ? null : kwargs.get(tensorFirst ? "y" : "x");
    if (constant == null || constant.isNull() || constant.isObject()) {
      throw new IllegalArgumentException(where + ": layer " + l.name() + " (TFOpLambda "
          + function + ") has no constant operand in its saved call; only arithmetic of the"
          + " image with a constant can be preprocessing");
    }
    double[] k = perChannel(l, constant, where);
    double[] scale = {1, 1, 1};
    double[] offset = {0, 0, 0};
    for (int c = 0; c < 3; c++) {
      switch (function) {
        case "math.truediv", "math.divide" -> {
          if (!tensorFirst) {
            throw new IllegalArgumentException(where + ": layer " + l.name() + " (TFOpLambda "
                + function + ") divides a constant by the image, which is not a scaling of the"
                + " pixels");
          }
          scale[c] = 1 / k[c];
        }
        case "math.multiply" -> scale[c] = k[c];
        case "math.add", "__operators__.add" -> offset[c] = k[c];
        case "math.subtract" -> {
          scale[c] = tensorFirst ? 1 : -1;
          offset[c] = tensorFirst ? -k[c] : k[c];
        }
        default -> throw new IllegalArgumentException(where + ": layer " + l.name()
            + " (TFOpLambda " + function + ") sits between the input and the backbone; of the"
            + " TensorFlow operations only tf.math.truediv, tf.math.subtract, tf.math.multiply,"
            + " tf.math.add and tf.__operators__.add with a constant can be preprocessing");
      }
    }
    return new double[][] {scale, offset};
  }

  /** The keyword arguments of a saved call: {@code ["input_1", 0, 0, {"y": 127.5}]}. */
  private static JsonNode kwargs(JsonNode call) {
    if (call == null || !call.isArray() || call.isEmpty()) {
      return null;
    }
    if (call.get(0).isTextual()) {
      return call.size() > 3 && call.get(3).isObject() ? call.get(3) : null;
    }
    return kwargs(call.get(0));
  }

  private static int resizing(KerasLayer l, Object where) {
    int h = l.config().path("height").asInt();
    int w = l.config().path("width").asInt();
    if (h != w || h <= 0) {
      throw new IllegalArgumentException(where + ": layer " + l.name() + " (Resizing) resizes to "
          + h + "x" + w + "; a square size is needed");
    }
    return h;
  }

  /** A number or a list of 1 or 3 numbers (nested lists allowed), as 3 per-channel values. */
  private static double[] perChannel(KerasLayer l, JsonNode value, Object where) {
    List<Double> flat = new ArrayList<>();
    flatten(value, flat);
    return perChannel(l, flat.stream().mapToDouble(Double::doubleValue).toArray(), where);
  }

  private static double[] perChannel(KerasLayer l, float[] values, Object where) {
    double[] d = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      d[i] = values[i];
    }
    return perChannel(l, d, where);
  }

  private static double[] perChannel(KerasLayer l, double[] values, Object where) {
    if (values.length == 1) {
      return new double[] {values[0], values[0], values[0]};
    }
    if (values.length == 3) {
      return values;
    }
    throw new IllegalArgumentException(where + ": layer " + l.name() + " (" + l.className()
        + ") has " + values.length + " values where one per image or one per RGB channel is"
        + " needed");
  }

  private static void flatten(JsonNode n, List<Double> out) {
    if (n == null || n.isMissingNode() || n.isNull()) {
      return;
    }
    if (n.isArray()) {
      n.forEach(item -> flatten(item, out));
    } else if (n.isNumber()) {
      out.add(n.asDouble());
    }
  }

  private static float[] floats(double[] d) {
    return new float[] {(float) d[0], (float) d[1], (float) d[2]};
  }
}
