package dev.sommelier.backbones.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.CodedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tensorflow.proto.SavedModel;

/**
 * Reads a Keras SavedModel's layer list from the model itself: {@code keras_metadata.pb} (TF 2.5
 * and later) or, before that, the JSON metadata of the object graph's root in {@code
 * saved_model.pb}, whose {@code training_config} also says how the model was compiled. Nested
 * models (a backbone used as one layer) are flattened into their layers.
 */
final class KerasMetadata {

  private static final ObjectMapper JSON = new ObjectMapper();

  private KerasMetadata() {}

  /**
   * The root object's metadata JSON: {@code {"class_name": ..., "config": {"layers": ...},
   * "training_config": ...}}.
   *
   * @throws IllegalArgumentException when {@code dir} holds no Keras model metadata
   */
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
