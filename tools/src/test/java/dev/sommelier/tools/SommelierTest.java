package dev.sommelier.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the sommelier commands in-process and checks what they print and return. */
class SommelierTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  private static JsonNode layer(JsonNode layers, String name) {
    for (JsonNode l : layers) {
      if (l.get("name").asText().equals(name)) {
        return l;
      }
    }
    throw new AssertionError("no layer " + name + " in the summary");
  }

  @Test
  void backbonesListsResNet50AndFourMobileNetWidths() throws Exception {
    CliRun r = run("backbones", "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode resnet = null;
    List<String> mobilenets = new ArrayList<>();
    for (JsonNode b : r.json()) {
      String name = b.get("backbone").asText();
      if (name.equals("resnet50")) {
        resnet = b;
      } else if (name.startsWith("mobilenet_v1:alpha=")) {
        mobilenets.add(name);
        assertEquals("conv_pw_13_relu", b.get("gradCamLayer").asText());
        assertEquals(192, b.get("inputSize").asInt(), "what train uses");
        assertEquals(224, b.get("defaultInputSize").asInt(), "Keras's");
      }
    }
    assertTrue(resnet != null, r.out());
    assertEquals(197, resnet.get("inputSize").asInt(), "what train uses");
    assertEquals(224, resnet.get("defaultInputSize").asInt(), "Keras's");
    assertEquals("conv5_block3_out", resnet.get("gradCamLayer").asText());
    assertTrue(resnet.get("preprocessing").asText().startsWith("caffe"), r.out());
    assertEquals(2048, resnet.get("features").get("channels").asLong());
    assertEquals(4, mobilenets.size(), mobilenets.toString());
  }

  @Test
  void backbonesTableNamesEveryBackbone() {
    CliRun r = run("backbones");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("resnet50"), r.out());
    assertTrue(r.out().contains("mobilenet_v1:alpha=0.25"), r.out());
    assertTrue(r.out().contains("Grad-CAM layer"), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.matches("resnet50 +197 +224 +32 .*")), r.out());
  }

  @Test
  void summaryOfResNet50CountsKerasParameters() throws Exception {
    CliRun r = run("summary", "--backbone", "resnet50", "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode s = r.json();
    assertEquals("resnet50", s.get("backbone").asText());
    assertEquals(224, s.get("inputSize").asInt());
    assertEquals(23_587_712L, s.get("totalParameters").asLong());
    assertEquals(23_534_592L, s.get("trainableParameters").asLong());
    assertEquals(53_120L, s.get("nonTrainableParameters").asLong());
    JsonNode features = layer(s.get("layers"), "conv5_block3_out");
    assertEquals("[7,7,2048]", features.get("outputShape").toString());
    // ResNet50 at 224: about 3.9 G multiply-adds, 7.7 GFLOPs.
    long flops = s.get("flopsPerImage").asLong();
    assertTrue(flops > 7.5e9 && flops < 8.0e9, "flops " + flops);
  }

  @Test
  void summaryTableOfSmallMobileNet() {
    CliRun r = run("summary", "--backbone", "mobilenet_v1:alpha=0.25", "--input-size", "128");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("Layer (type)"), r.out());
    assertTrue(r.out().contains("conv_pw_13_relu (ReLU)"), r.out());
    assertTrue(r.out().contains("(None, 4, 4, 256)"), r.out());
    assertTrue(r.out().contains("Total params: "), r.out());
    assertTrue(r.out().contains("Non-trainable params: "), r.out());
  }

  @Test
  void unknownBackboneIsBadInputNamingTheKnownOnes() {
    CliRun r = run("summary", "--backbone", "vgg16");
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains("vgg16"), r.err());
    assertTrue(r.err().contains("resnet50") && r.err().contains("mobilenet_v1"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void badUsageExitsTwo() {
    assertEquals(2, run("summary").exit());
    assertEquals(2, run("summary", "--backbone", "resnet50", "--saved-model", "x").exit());
    CliRun device = run("summary", "--backbone", "resnet50", "--device", "tpu");
    assertEquals(2, device.exit());
    assertTrue(device.err().contains("cpu, gpu or gpu:N"), device.err());
    assertEquals(2, run("no-such-command").exit());
    assertEquals(2, run().exit());
  }

  @Test
  void verifyImportOfKerasMobileNetPasses() throws Exception {
    Path fixture = Path.of(System.getProperty("sommelier.fixtures"), "keras-mobilenet-1.0-224");
    CliRun r = run("verify-import", "--saved-model", fixture.toString(), "--images", "2", "--json");
    assertEquals(0, r.exit(), r.out() + r.err());
    JsonNode v = r.json();
    assertTrue(v.get("pass").asBoolean(), r.out());
    assertEquals("mobilenet_v1:alpha=1.0", v.get("backbone").asText());
    assertEquals(2, v.get("images").asInt());
    assertEquals("[2,1000]", v.get("outputShape").toString());
    assertTrue(v.get("maxAbsDifference").asDouble() <= 1e-4, r.out());
    assertTrue(v.get("outputsDifferAcrossImages").asBoolean(), r.out());
    assertEquals(1e-4, v.get("tolerance").asDouble());
  }

  private static Path officialWeights() throws Exception {
    return Path.of(SommelierTest.class.getResource(
        "/dev/sommelier/backbones/imagenet/mobilenet_2_5_224_tf_no_top.h5").toURI());
  }

  @Test
  void verifyImportOfAWeightFileSaysPlainlyThatNothingRanAsSaved() throws Exception {
    Path h5 = officialWeights();
    CliRun json = run("verify-import", "--keras-model", h5.toString(), "--images", "2", "--json");
    assertEquals(0, json.exit(), json.out() + json.err());
    JsonNode v = json.json();
    assertTrue(v.get("pass").asBoolean(), json.out());
    assertTrue(v.get("format").asText().startsWith("Keras HDF5 weights"), json.out());
    assertTrue(v.get("reference").isNull(), json.out());
    assertTrue(v.get("maxAbsDifference").isNull(), json.out());
    assertEquals("mobilenet_v1:alpha=0.25", v.get("backbone").asText());
    assertEquals(135, v.get("importedVariables").asInt());
    assertEquals("[2,7,7,256]", v.get("outputShape").toString());
    CliRun text = run("verify-import", "--keras-model", h5.toString(), "--images", "2");
    assertEquals(0, text.exit(), text.err());
    assertTrue(text.out().contains("no reference run was possible"), text.out());
    assertTrue(text.out().contains("PASS (import checked, outputs not compared)"), text.out());
  }

  @Test
  void summaryOfAWeightFileIsItsBackbone() throws Exception {
    CliRun r = run("summary", "--keras-model", officialWeights().toString(), "--json");
    assertEquals(0, r.exit(), r.err());
    assertEquals("mobilenet_v1:alpha=0.25", r.json().get("backbone").asText());
    assertEquals(218_544, r.json().get("totalParameters").asLong());
    CliRun bare = run("import", "--keras-model", officialWeights().toString(), "--out",
        Path.of(System.getProperty("java.io.tmpdir"), "sommelier-never-written").toString());
    assertEquals(2, bare.exit(), bare.err());
    assertTrue(bare.err().contains("is a bare backbone"), bare.err());
  }

  @Test
  void verifyImportOfMissingDirectoryNamesIt() {
    CliRun r = run("verify-import", "--saved-model", "no/such/model");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("no/such/model"), r.err());
  }

  @Test
  void importTurnsTheKerasFixtureIntoAModelDirectoryThatExports(@org.junit.jupiter.api.io.TempDir Path tmp)
      throws Exception {
    Path fixture = Path.of(System.getProperty("sommelier.fixtures"), "keras-mobilenet-1.0-224");
    Path out = tmp.resolve("model");
    CliRun r = run("import", "--saved-model", fixture.toString(), "--out", out.toString(), "--json");
    assertEquals(0, r.exit(), r.out() + r.err());
    JsonNode v = r.json();
    assertEquals("CLASSIFICATION", v.get("task").asText());
    assertEquals(1000, v.get("classes").asInt());
    assertEquals("softmax", v.get("head").get("type").asText());
    assertEquals(4_253_864, v.get("parameters").asLong());
    JsonNode card = JSON.readTree(out.resolve("model.json").toFile());
    assertEquals("mobilenet_v1:alpha=1.0", card.get("config").get("backbone").asText());
    assertEquals("conv_pw_13_relu", card.get("gradCamLayer").asText());
    assertTrue(java.nio.file.Files.isRegularFile(out.resolve("variables.index")));

    Path saved = tmp.resolve("saved");
    CliRun export = run("export", "--model", out.toString(), "--out", saved.toString(), "--json");
    assertEquals(0, export.exit(), export.err());
    assertEquals("predictions [batch, 1000]", export.json().get("output").asText());
    try (org.tensorflow.SavedModelBundle b = org.tensorflow.SavedModelBundle.load(saved.toString(), "serve")) {
      assertEquals("[image]", b.function("serving_default").signature().inputNames().toString());
    }
  }
}
