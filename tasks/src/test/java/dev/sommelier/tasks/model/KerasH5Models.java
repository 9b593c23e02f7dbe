package dev.sommelier.tasks.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sommelier.backbones.keras.KerasLayer;
import dev.sommelier.backbones.keras.KerasModelSource;
import dev.sommelier.backbones.keras.KerasModelSources;
import dev.sommelier.backbones.keras.KerasWeight;
import dev.sommelier.backbones.testing.H5Arrays;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.tensorflow.ndarray.Shape;

/**
 * Keras 2 {@code model.save("m.h5")} files of a MobileNet 0.25 classifier for tests, written with
 * jHDF as Keras lays them out: the backbone's layer configs from the repository's Keras MobileNet
 * SavedModel (at width 0.25), its weights from the official ImageNet file, then the given layers
 * before and after it.
 */
final class KerasH5Models {

  static final ObjectMapper JSON = new ObjectMapper();

  private KerasH5Models() {}

  static Path fixture() {
    return Path.of(System.getProperty("sommelier.fixtures", "../fixtures"), "keras-mobilenet-1.0-224")
        .toAbsolutePath().normalize();
  }

  static Path official() throws Exception {
    return Path.of(KerasH5Models.class.getResource(
        "/dev/sommelier/backbones/imagenet/mobilenet_2_5_224_tf_no_top.h5").toURI());
  }

  /** A layer as Keras 2 saves it, fed by {@code from} (null for none). */
  static ObjectNode layer(String cls, String name, ObjectNode cfg, String from) {
    ObjectNode l = JSON.createObjectNode();
    l.put("class_name", cls);
    cfg.put("name", name);
    l.set("config", cfg);
    l.put("name", name);
    ArrayNode nodes = l.putArray("inbound_nodes");
    if (from != null) {
      nodes.addArray().addArray().add(from).add(0).add(0).add(JSON.createObjectNode());
    }
    return l;
  }

  /** {@code Dense(units)} weights, seeded. */
  static Map<String, KerasWeight> dense(String name, int in, int units, long seed) {
    Random r = new Random(seed);
    float[] k = new float[in * units];
    for (int i = 0; i < k.length; i++) {
      k[i] = (float) (r.nextGaussian() * 0.1);
    }
    float[] b = new float[units];
    for (int i = 0; i < units; i++) {
      b[i] = (float) r.nextGaussian();
    }
    Map<String, KerasWeight> out = new LinkedHashMap<>();
    out.put(name + "/kernel", new KerasWeight(name + "/kernel", Shape.of(in, units), k));
    out.put(name + "/bias", new KerasWeight(name + "/bias", Shape.of(units), b));
    return out;
  }

  /**
   * Writes Input(size) -> {@code before} -> MobileNet 0.25 -> {@code top} to {@code file}.
   *
   * @param trainingConfig the {@code training_config} attribute, or null for an uncompiled model
   */
  static Path write(Path file, int size, List<ObjectNode> before, List<ObjectNode> top,
      Map<String, KerasWeight> topWeights, JsonNode trainingConfig) throws Exception {
    ObjectNode input = JSON.createObjectNode();
    input.put("class_name", "InputLayer");
    ObjectNode inCfg = input.putObject("config");
    inCfg.putArray("batch_input_shape").addNull().add(size).add(size).add(3);
    inCfg.put("dtype", "float32").put("name", "input_1");
    input.put("name", "input_1");
    input.putArray("inbound_nodes");
    List<JsonNode> layers = new ArrayList<>(List.of(input));
    layers.addAll(before);
    String previous = layers.get(layers.size() - 1).path("name").asText();
    try (KerasModelSource saved = KerasModelSources.open(fixture())) {
      for (KerasLayer l : saved.layers().orElseThrow()) {
        if (l.className().equals("InputLayer")) {
          continue;
        }
        ObjectNode cfg = (ObjectNode) plain(l.config());
        if (l.className().equals("Conv2D")) {
          cfg.put("filters", cfg.path("filters").asInt() / 4);
        }
        layers.add(layer(l.className(), l.name(), cfg,
            l.name().equals("conv1_pad") ? previous : l.inbound().get(0)));
        if (l.name().equals("conv_pw_13_relu")) {
          break;
        }
      }
    }
    layers.addAll(top);
    Map<String, KerasWeight> weights;
    try (KerasModelSource official = KerasModelSources.open(official())) {
      weights = new LinkedHashMap<>(official.weights());
    }
    weights.putAll(topWeights);
    ObjectNode model = JSON.createObjectNode();
    model.put("class_name", "Functional");
    ObjectNode config = model.putObject("config");
    config.put("name", "model");
    ArrayNode list = config.putArray("layers");
    layers.forEach(list::add);
    config.putArray("input_layers").addArray().add("input_1").add(0).add(0);
    config.putArray("output_layers").addArray()
        .add(layers.get(layers.size() - 1).path("name").asText()).add(0).add(0);
    try (WritableHdfFile h5 = HdfFile.write(file)) {
      h5.putAttribute("keras_version", "2.4.0");
      h5.putAttribute("backend", "tensorflow");
      h5.putAttribute("model_config", model.toString());
      if (trainingConfig != null) {
        h5.putAttribute("training_config", trainingConfig.toString());
      }
      WritableGroup g = h5.putGroup("model_weights");
      g.putAttribute("layer_names",
          layers.stream().map(l -> l.path("name").asText()).toArray(String[]::new));
      g.putAttribute("keras_version", "2.4.0");
      g.putAttribute("backend", "tensorflow");
      Map<String, List<KerasWeight>> byLayer = new TreeMap<>();
      weights.values().forEach(w -> byLayer.computeIfAbsent(w.layer(), k -> new ArrayList<>()).add(w));
      for (var e : byLayer.entrySet()) {
        WritableGroup lg = g.putGroup(e.getKey());
        lg.putAttribute("weight_names",
            e.getValue().stream().map(w -> w.name() + ":0").toArray(String[]::new));
        WritableGroup inner = lg.putGroup(e.getKey());
        for (KerasWeight w : e.getValue()) {
          inner.putDataset(w.weight() + ":0", H5Arrays.nested(w.values(), w.shape().asArray()));
        }
      }
    }
    return file;
  }

  /** A loss as Keras 2 saves it in {@code training_config}. */
  static ObjectNode loss(String className, boolean fromLogits) {
    ObjectNode training = JSON.createObjectNode();
    training.putObject("loss").put("class_name", className).putObject("config")
        .put("reduction", "auto").put("from_logits", fromLogits);
    training.putObject("optimizer_config").put("class_name", "Adam");
    return training;
  }

  private static JsonNode plain(JsonNode n) {
    if (n.isObject() && "__tuple__".equals(n.path("class_name").asText()) && n.has("items")) {
      return plain(n.get("items"));
    }
    if (n.isObject()) {
      ObjectNode o = JSON.createObjectNode();
      n.fields().forEachRemaining(e -> o.set(e.getKey(), plain(e.getValue())));
      return o;
    }
    if (n.isArray()) {
      ArrayNode a = JSON.createArrayNode();
      n.forEach(item -> a.add(plain(item)));
      return a;
    }
    return n;
  }
}
