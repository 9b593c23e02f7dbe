package dev.sommelier.backbones.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sommelier.backbones.Fixtures;
import dev.sommelier.core.Device;
import dev.sommelier.core.ModelRuntime;
import dev.sommelier.core.Tensors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Keras 2 model configs for tests, built around a MobileNet 0.25 backbone (the layer configs of
 * the repository's Keras MobileNet SavedModel at width 0.25, and the official ImageNet weights of
 * that width), with layers before and after it as Keras 2.x saves them in an {@code .h5} file's
 * {@code model_config}.
 */
final class TestModels {

  private static JsonNode backbone;
  private static Map<String, KerasWeight> backboneWeights;

  private TestModels() {}

  /** Channels of the backbone's feature map. */
  static final int FEATURES = 256;

  /** The backbone's layers, conv1_pad to conv_pw_13_relu, with conv1_pad fed by {@code from}. */
  static List<ObjectNode> backboneLayers(String from) {
    load();
    List<ObjectNode> out = new ArrayList<>();
    for (JsonNode l : backbone.path("config").path("layers")) {
      String name = l.path("name").asText();
      if (l.path("class_name").asText().equals("InputLayer")) {
        continue;
      }
      ObjectNode layer = (ObjectNode) KerasFormatsTest.plain(l);
      if (layer.path("class_name").asText().equals("Conv2D")) {
        ObjectNode cfg = (ObjectNode) layer.get("config");
        cfg.put("filters", cfg.path("filters").asInt() / 4); // Keras's int(filters * alpha)
      }
      if (name.equals("conv1_pad")) {
        layer.set("inbound_nodes", nodes(from, null));
      }
      out.add(layer);
      if (name.equals("conv_pw_13_relu")) {
        break;
      }
    }
    return out;
  }

  /** The backbone's 135 weights: the official ImageNet weights of MobileNet 0.25. */
  static Map<String, KerasWeight> backboneWeights() {
    load();
    return new LinkedHashMap<>(backboneWeights);
  }

  private static synchronized void load() {
    if (backbone == null) {
      backbone = KerasMetadata.rootMetadata(Fixtures.kerasMobileNet());
      try (KerasModelSource s = KerasModelSources.open(Fixtures.officialMobileNet025())) {
        backboneWeights = new LinkedHashMap<>(s.weights());
      }
    }
  }

  /** {@code Input((size, size, 3), name=name)}, or {@code (None, None, 3)} for size 0. */
  static ObjectNode input(String name, int size) {
    ObjectNode cfg = KerasFiles.JSON.createObjectNode();
    var shape = cfg.putArray("batch_input_shape").addNull();
    if (size > 0) {
      shape.add(size).add(size);
    } else {
      shape.addNull().addNull();
    }
    shape.add(3);
    cfg.put("dtype", "float32").put("sparse", false).put("ragged", false).put("name", name);
    ObjectNode l = KerasFiles.JSON.createObjectNode();
    l.put("class_name", "InputLayer");
    l.set("config", cfg);
    l.put("name", name);
    l.putArray("inbound_nodes");
    return l;
  }

  /** A layer of {@code cls} named {@code name} with config {@code cfg}, fed by {@code from}. */
  static ObjectNode layer(String cls, String name, ObjectNode cfg, String from) {
    ObjectNode l = KerasFiles.JSON.createObjectNode();
    l.put("class_name", cls);
    cfg.put("name", name).put("trainable", true).put("dtype", "float32");
    l.set("config", cfg);
    l.put("name", name);
    l.set("inbound_nodes", from == null ? KerasFiles.JSON.createArrayNode() : nodes(from, null));
    return l;
  }

  /**
   * A TF 2.x {@code TFOpLambda} of the tensor from {@code from} and a constant {@code y}, as Keras
   * saves {@code x / 127.5}: {@code "inbound_nodes": [["input_1", 0, 0, {"y": 127.5, "name":
   * null}]]}.
   */
  static ObjectNode op(String function, double y, String from) {
    String name = "tf." + function;
    ObjectNode cfg = KerasFiles.JSON.createObjectNode();
    cfg.put("function", function);
    ObjectNode l = layer("TFOpLambda", name, cfg, null);
    ObjectNode kwargs = KerasFiles.JSON.createObjectNode().put("y", y).putNull("name");
    l.putArray("inbound_nodes").addArray().add(from).add(0).add(0).add(kwargs);
    return l;
  }

  static ObjectNode config() {
    return KerasFiles.JSON.createObjectNode();
  }

  /** A Keras 2 Functional model of {@code layers}, from the first to the last. */
  static ObjectNode functional(String name, List<ObjectNode> layers) {
    ObjectNode model = KerasFiles.JSON.createObjectNode();
    model.put("class_name", "Functional");
    ObjectNode cfg = model.putObject("config");
    cfg.put("name", name);
    ArrayNode list = cfg.putArray("layers");
    layers.forEach(list::add);
    cfg.putArray("input_layers").addArray().add(layers.get(0).path("name").asText()).add(0).add(0);
    cfg.putArray("output_layers").addArray()
        .add(layers.get(layers.size() - 1).path("name").asText()).add(0).add(0);
    return model;
  }

  /** The model as a layer of another, fed by {@code from}. */
  static ObjectNode nested(ObjectNode model, String from) {
    ObjectNode l = KerasFiles.JSON.createObjectNode();
    l.put("class_name", model.path("class_name").asText());
    l.set("config", model.path("config"));
    l.put("name", model.path("config").path("name").asText());
    l.set("inbound_nodes", nodes(from, null));
    return l;
  }

  /** {@code [[[from, 0, 0, {}]]]}. */
  static ArrayNode nodes(String from, ObjectNode kwargs) {
    ArrayNode nodes = KerasFiles.JSON.createArrayNode();
    nodes.addArray().addArray().add(from).add(0).add(0)
        .add(kwargs == null ? KerasFiles.JSON.createObjectNode() : kwargs);
    return nodes;
  }

  /** {@code Dense(units)} weights, seeded. */
  static Map<String, KerasWeight> dense(String name, int in, int units, long seed) {
    Random r = new Random(seed);
    float[] k = new float[in * units];
    for (int i = 0; i < k.length; i++) {
      k[i] = (float) (r.nextGaussian() * 0.05);
    }
    float[] b = new float[units];
    for (int i = 0; i < units; i++) {
      b[i] = (float) (r.nextGaussian() * 0.1);
    }
    Map<String, KerasWeight> out = new LinkedHashMap<>();
    out.put(name + "/kernel", new KerasWeight(name + "/kernel", Shape.of(in, units), k));
    out.put(name + "/bias", new KerasWeight(name + "/bias", Shape.of(units), b));
    return out;
  }

  /**
   * A rebuilt model's output.
   *
   * @param model what was rebuilt (its graph is closed: read its Java facts only)
   * @param output the output on the images
   */
  record Run(ImportedModel model, float[] output) {}

  /**
   * Opens {@code file}, rebuilds it and runs it on raw [0, 255] pixels preprocessed as it says, or
   * on {@code input} as given when {@code preprocessed}.
   */
  static Run run(Path file, float[] input, boolean preprocessed, int n, int size) {
    try (KerasModelSource source = KerasModelSources.open(file);
        ModelRuntime rt = ModelRuntime.open(Device.CPU, 1)) {
      ImportedModel m = KerasModelImporter.rebuild(source, dev.sommelier.backbones.BackboneRegistry.load(), rt);
      float[] x = input.clone();
      if (!preprocessed) {
        m.preprocessing().applyInPlace(x);
      }
      try (TFloat32 t = Tensors.of(Shape.of(n, size, size, 3), x);
          Result r = rt.session().runner().feed(m.input(), t).fetch(m.output()).run()) {
        return new Run(m, Tensors.values(r.get(0)));
      }
    }
  }

  static double maxAbsDiff(float[] a, float[] b) {
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }

  static double maxAbs(float[] a) {
    double m = 0;
    for (float v : a) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }
}
