package dev.sommelier.backbones.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the layer list of a saved Keras model config ({@code {"class_name": "Functional",
 * "config": {"layers": [...]}}}), the same JSON in every format: a SavedModel's metadata, an
 * {@code .h5} file's {@code model_config} attribute, a {@code .keras} archive's {@code
 * config.json}. Nested models (a backbone or a preprocessing {@code Sequential} used as one layer)
 * are flattened into their layers: a nested model's input stands for what feeds the nested model,
 * and a reference to the nested model stands for its output layer, so the flat list is one graph.
 */
final class KerasModelConfig {

  private static final List<String> MODEL_CLASSES = List.of("Functional", "Model", "Sequential");

  private KerasModelConfig() {}

  /** True when a layer of class {@code className} with {@code config} is itself a model. */
  static boolean isModel(String className, JsonNode config) {
    return MODEL_CLASSES.contains(className) && config.has("layers");
  }

  /** The names of the layers of the model {@code root} that are themselves models. */
  static Set<String> nestedModels(JsonNode root) {
    Set<String> out = new HashSet<>();
    for (JsonNode layer : root.path("config").path("layers")) {
      JsonNode cfg = layer.path("config");
      if (isModel(layer.path("class_name").asText(), cfg)) {
        out.add(layer.has("name") ? layer.get("name").asText() : cfg.path("name").asText());
      }
    }
    return out;
  }

  /**
   * The layers of the model {@code root}, in model order, nested models flattened.
   *
   * @param where the file, for messages
   * @throws IllegalArgumentException when the config has no layer list
   */
  static List<KerasLayer> layers(JsonNode root, Object where) {
    JsonNode config = root.path("config");
    if (!config.has("layers")) {
      throw new IllegalArgumentException(
          where + " holds a " + root.path("class_name").asText("model")
              + " whose config has no layer list; save a Functional or Sequential Keras model");
    }
    List<KerasLayer> out = new ArrayList<>();
    flatten(root.path("class_name").asText(), config, List.of(), out);
    return out;
  }

  /**
   * Appends the layers of one (possibly nested) model to {@code out}.
   *
   * @param feeding the outer layers that feed this model, empty for the outermost one
   * @return the name of the layer that gives this model's output
   */
  private static String flatten(
      String modelClass, JsonNode modelConfig, List<String> feeding, List<KerasLayer> out) {
    boolean sequential = "Sequential".equals(modelClass);
    Map<String, String> standsFor = new HashMap<>();
    String previous = null;
    for (JsonNode layer : modelConfig.path("layers")) {
      String cls = layer.path("class_name").asText();
      JsonNode cfg = layer.path("config");
      String name = layer.has("name") ? layer.get("name").asText() : cfg.path("name").asText();
      List<String> inbound = new ArrayList<>();
      for (JsonNode node : layer.path("inbound_nodes")) {
        collectInbound(node, inbound);
      }
      inbound.replaceAll(n -> standsFor.getOrDefault(n, n));
      if (inbound.isEmpty() && sequential) {
        if (previous != null) {
          inbound.add(previous);
        } else if (!cls.equals("InputLayer")) {
          inbound.addAll(feeding);
        }
      }
      if (cls.equals("InputLayer") && !feeding.isEmpty()) {
        standsFor.put(name, feeding.get(0));
        previous = feeding.get(0);
        continue;
      }
      if (isModel(cls, cfg)) {
        String output = flatten(cls, cfg, inbound, out);
        standsFor.put(name, output);
        previous = output;
        continue;
      }
      JsonNode nodes = layer.path("inbound_nodes");
      out.add(new KerasLayer(cls, name, cfg, inbound, nodes.size() > 0 ? nodes.get(0) : null));
      previous = name;
    }
    JsonNode outputs = modelConfig.path("output_layers");
    if (!sequential && outputs.size() > 0) {
      JsonNode first = outputs.get(0).isArray() ? outputs.get(0) : outputs;
      String output = first.get(0).asText();
      return standsFor.getOrDefault(output, output);
    }
    return previous;
  }

  /** Inbound nodes are [[name, i, j, {}], ...] in TF 2.x configs and dicts in Keras 3. */
  private static void collectInbound(JsonNode node, List<String> out) {
    if (node.isArray() && node.size() > 0 && node.get(0).isTextual()) {
      out.add(node.get(0).asText());
      return;
    }
    if (node.isArray()) {
      node.forEach(n -> collectInbound(n, out));
    } else if (node.isObject() && node.has("args")) {
      node.get("args").forEach(a -> collectKerasHistory(a, out));
    }
  }

  private static void collectKerasHistory(JsonNode arg, List<String> out) {
    JsonNode history = arg.path("config").path("keras_history");
    if (history.isArray() && history.size() > 0) {
      out.add(history.get(0).asText());
    } else if (arg.isArray()) {
      arg.forEach(a -> collectKerasHistory(a, out));
    }
  }
}
