package dev.sommelier.backbones.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import dev.sommelier.backbones.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KerasMetadataTest {

  @TempDir Path tmp;

  @Test
  void readsTheLayerListOfATf23SavedModelFromItsObjectGraph() {
    List<KerasLayer> layers = layers(Fixtures.kerasMobileNet());
    assertEquals(93, layers.size());
    assertEquals("InputLayer", layers.get(0).className());
    assertEquals(List.of(-1L, 224L, 224L, 3L), layers.get(0).longs("batch_input_shape"));
    assertEquals(List.of(List.of(0L, 1L), List.of(0L, 1L)), layers.get(1).nestedLongs("padding"));
    assertEquals("predictions", layers.get(92).name());
    assertEquals(List.of("reshape_2"), layers.get(92).inbound());
  }

  /** keras_metadata.pb (TF 2.5+): SavedMetadata{nodes: [SavedObject{node_path=3, metadata=5}]}. */
  @Test
  void readsKerasMetadataPbWhenPresent() throws IOException {
    String root = KerasMetadata.rootMetadata(Fixtures.kerasMobileNet()).toString();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    out.writeBytes(1, node("root.layer-1", "{\"class_name\": \"ZeroPadding2D\"}"));
    out.writeBytes(1, node("root", root));
    out.flush();
    Files.write(tmp.resolve("keras_metadata.pb"), bytes.toByteArray());
    List<KerasLayer> layers = layers(tmp);
    assertEquals(93, layers.size());
    assertEquals("conv_pw_13_relu", layers.get(86).name());
  }

  @Test
  void flattensANestedBackboneInsideASequentialModel() throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode inner = (ObjectNode) KerasMetadata.rootMetadata(Fixtures.kerasMobileNet());
    ObjectNode seq = json.createObjectNode().put("class_name", "Sequential");
    ArrayNode layers = seq.putObject("config").putArray("layers");
    layers.addObject().put("class_name", "Functional").set("config", inner.get("config"));
    layers.addObject().put("class_name", "Flatten").putObject("config").put("name", "flatten");
    layers.addObject().put("class_name", "Dense").putObject("config").put("name", "out").put("units", 3);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    out.writeBytes(1, node("root", seq.toString()));
    out.flush();
    Files.write(tmp.resolve("keras_metadata.pb"), bytes.toByteArray());
    List<KerasLayer> flat = layers(tmp);
    assertEquals(95, flat.size());
    assertEquals(List.of("predictions"), flat.get(93).inbound());
    assertEquals(List.of("flatten"), flat.get(94).inbound());
  }

  @Test
  void aDirectoryWithoutASavedModelIsNamed() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> layers(tmp));
    assertTrue(e.getMessage().contains(tmp.toString()) && e.getMessage().contains("saved_model.pb"),
        e.getMessage());
  }

  private static List<KerasLayer> layers(Path dir) {
    return KerasModelConfig.layers(KerasMetadata.rootMetadata(dir), dir);
  }

  private static ByteString node(String path, String metadata) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    out.writeInt32(2, 7);
    out.writeString(3, path);
    out.writeString(4, "_tf_keras_layer");
    out.writeString(5, metadata);
    out.flush();
    return ByteString.copyFrom(bytes.toByteArray());
  }
}
