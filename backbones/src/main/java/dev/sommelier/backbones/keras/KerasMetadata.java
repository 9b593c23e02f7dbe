package dev.sommelier.backbones.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.CodedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.proto.SavedModel;

/**
 * Reads a Keras SavedModel's layer list from the model itself: {@code keras_metadata.pb} (TF 2.5
 * and later) or, before that, the JSON metadata of the object graph's root in {@code
 * saved_model.pb}. Nested models (a backbone used as one layer) are flattened into their layers.
 */
public final class KerasMetadata {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> MODEL_CLASSES = List.of("Functional", "Model", "Sequential");

  private KerasMetadata() {}

  /**
   * The layers of the Keras model saved in {@code dir}, in model order, nested models flattened.
   *
   * @throws IllegalArgumentException when {@code dir} holds no Keras model metadata
   */
  public static List<KerasLayer> layers(Path dir) {
    JsonNode root = rootMetadata(dir);
    JsonNode config = root.path("config");
    if (!config.has("layers")) {
      throw new IllegalArgumentException(
          dir + " holds a " + root.path("class_name").asText("model")
              + " whose config has no layer list; save a Functional or Sequential Keras model");
    }
    List<KerasLayer> out = new ArrayList<>();
    flatten(root.path("class_name").asText(), config, out);
    return out;
  }

  private static void flatten(String modelClass, JsonNode modelConfig, List<KerasLayer> out) {
    String previous = null;
    for (JsonNode layer : modelConfig.path("layers")) {
      String cls = layer.path("class_name").asText();
      JsonNode cfg = layer.path("config");
      String name = layer.has("name") ? layer.get("name").asText() : cfg.path("name").asText();
      if (MODEL_CLASSES.contains(cls) && cfg.has("layers")) {
        flatten(cls, cfg, out);
        previous = out.get(out.size() - 1).name();
        continue;
      }
      List<String> inbound = new ArrayList<>();
      for (JsonNode node : layer.path("inbound_nodes")) {
        collectInbound(node, inbound);
      }
      if (inbound.isEmpty() && "Sequential".equals(modelClass) && previous != null) {
        inbound.add(previous);
      }
      out.add(new KerasLayer(cls, name, cfg, inbound));
      previous = name;
    }
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

  /** The root object's metadata JSON. */
  static JsonNode rootMetadata(Path dir) {
    try {
      Path keras = dir.resolve("keras_metadata.pb");
      String json = Files.exists(keras) ? rootFromKerasMetadata(keras) : rootFromObjectGraph(dir);
      if (json == null || json.isBlank()) {
        throw new IllegalArgumentException(
            dir + " is not a Keras SavedModel: neither keras_metadata.pb nor the object graph's"
                + " root holds Keras metadata (save the model with model.save(dir) from Keras)");
      }
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Keras metadata of " + dir + ": " + e.getMessage(), e);
    }
  }

  private static String rootFromObjectGraph(Path dir) throws IOException {
    Path pb = dir.resolve("saved_model.pb");
    if (!Files.isRegularFile(pb)) {
      throw new IllegalArgumentException(dir + " is not a SavedModel directory (no saved_model.pb)");
    }
    SavedModel model = SavedModel.parseFrom(Files.readAllBytes(pb));
    if (model.getMetaGraphsCount() == 0 || !model.getMetaGraphs(0).hasObjectGraphDef()) {
      return null;
    }
    var nodes = model.getMetaGraphs(0).getObjectGraphDef();
    return nodes.getNodesCount() == 0 ? null : nodes.getNodes(0).getUserObject().getMetadata();
  }

  /**
   * keras_metadata.pb is a {@code SavedMetadata} message: repeated field 1 of {@code SavedObject}
   * {node_id = 2, node_path = 3, identifier = 4, metadata = 5}. TF-Java ships no class for it, so
   * the two fields needed are read directly.
   */
  private static String rootFromKerasMetadata(Path file) throws IOException {
    CodedInputStream in = CodedInputStream.newInstance(Files.readAllBytes(file));
    in.setSizeLimit(Integer.MAX_VALUE);
    while (!in.isAtEnd()) {
      int tag = in.readTag();
      if (tag >>> 3 == 1) {
        CodedInputStream node = CodedInputStream.newInstance(in.readByteArray());
        node.setSizeLimit(Integer.MAX_VALUE);
        String path = null;
        String metadata = null;
        while (!node.isAtEnd()) {
          int t = node.readTag();
          switch (t >>> 3) {
            case 3 -> path = node.readString();
            case 5 -> metadata = node.readString();
            default -> node.skipField(t);
          }
        }
        if ("root".equals(path)) {
          return metadata;
        }
      } else {
        in.skipField(tag);
      }
    }
    return null;
  }
}
