package dev.sommelier.backbones.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.backbones.Fixtures;
import dev.sommelier.backbones.Preprocessing;
import dev.sommelier.core.Device;
import dev.sommelier.core.ModelRuntime;
import dev.sommelier.core.Tensors;
import io.jhdf.HdfFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * One model, the repository's Keras MobileNet 1.0 SavedModel, written here as Keras 2 weights
 * ({@code save_weights}), a Keras 2 {@code .h5} model and a Keras 3 {@code .keras} archive (whose
 * MobileNet, as Keras 3 builds it, has no {@code conv1_pad}: its {@code conv1} pads "same"), each
 * opened by content, rebuilt, and run against the SavedModel's own {@code serving_default}.
 */
class KerasFormatsTest {

  private static final Logger LOG = LoggerFactory.getLogger(KerasFormatsTest.class);
  private static final int IMAGES = 2;
  private static final int SIZE = 224;
  @TempDir static Path tmp;
  private static Map<String, KerasWeight> weights;
  private static JsonNode root;
  private static float[] pixels;
  private static float[] expected;

  @BeforeAll
  static void readTheSavedModel() {
    root = KerasMetadata.rootMetadata(Fixtures.kerasMobileNet());
    pixels = ImportVerifier.testImages(IMAGES, SIZE, 11);
    float[] input = pixels.clone();
    Preprocessing.TF.applyInPlace(input);
    try (KerasModelSource saved = KerasModelSources.open(Fixtures.kerasMobileNet())) {
      assertEquals("TF2 SavedModel", saved.format());
      weights = new LinkedHashMap<>(saved.weights());
      expected = saved.reference().orElseThrow().run(input, IMAGES, SIZE);
    }
    assertEquals(137, weights.size());
    assertEquals(IMAGES * 1000, expected.length);
  }

  @Test
  void theSavedModelRebuildsAsItsServingDefault() {
    assertMatchesServingDefault(Fixtures.kerasMobileNet(), "TF2 SavedModel", 6);
  }

  @Test
  void aKeras2WeightFileRebuildsTheBackboneAndLeavesTheTopAside() throws Exception {
    Path file = tmp.resolve("weights-of-a-model.h5");
    List<String> names = new ArrayList<>();
    root.path("config").path("layers").forEach(l -> names.add(l.path("name").asText()));
    KerasFiles.writeWeights(file, names, KerasFiles.byLayer(weights), "2.4.0");
    try (KerasModelSource source = KerasModelSources.open(file);
        ModelRuntime rt = ModelRuntime.open(Device.CPU, 1)) {
      assertTrue(source.format().startsWith("Keras HDF5 weights"), source.format());
      ImportedModel m = KerasModelImporter.rebuild(source, BackboneRegistry.load(), rt);
      assertEquals("mobilenet_v1:alpha=1.0", m.backbone().spec().qualifiedName());
      assertEquals(135, m.importedVariables());
      assertEquals(List.of("conv_preds/kernel", "conv_preds/bias"), m.ignoredWeights());
      assertEquals(List.of(), m.top());
    }
  }

  @Test
  void aKeras2H5ModelComputesWhatTheSavedModelComputes() throws Exception {
    Path file = tmp.resolve("model.h5");
    ObjectNode model = KerasFiles.JSON.createObjectNode();
    model.put("class_name", "Functional");
    model.set("config", plain(root.path("config")));
    KerasFiles.writeModel(file, model, KerasFiles.byLayer(weights), null);
    assertMatchesServingDefault(file, "Keras HDF5 model", 6);
  }

  @Test
  void aKeras3ArchiveComputesWhatTheSavedModelComputes() throws Exception {
    Path file = tmp.resolve("model.keras");
    KerasFiles.writeArchive(file, keras3(root), keras3Variables());
    assertMatchesServingDefault(file, "Keras 3 archive", 6);
    // The layout the reader relied on: the 13th DepthwiseConv2D, conv_dw_13, by class and position.
    try (KerasModelSource source = KerasModelSources.open(file)) {
      assertEquals(Shape.of(3, 3, 1024, 1), source.weights().get("conv_dw_13/depthwise_kernel").shape());
      assertEquals(Shape.of(1, 1, 1024, 1000), source.weights().get("conv_preds/kernel").shape());
    }
  }

  private static void assertMatchesServingDefault(Path file, String format, int topLayers) {
    try (KerasModelSource source = KerasModelSources.open(file);
        ModelRuntime rt = ModelRuntime.open(Device.CPU, 1)) {
      assertTrue(source.format().startsWith(format), source.format());
      ImportedModel m = KerasModelImporter.rebuild(source, BackboneRegistry.load(), rt);
      assertEquals("mobilenet_v1:alpha=1.0", m.backbone().spec().qualifiedName());
      assertEquals(137, m.importedVariables());
      assertEquals(topLayers, m.top().size());
      float[] input = pixels.clone();
      m.preprocessing().applyInPlace(input);
      float[] actual;
      try (TFloat32 x = Tensors.of(Shape.of(IMAGES, SIZE, SIZE, 3), input);
          Result r = rt.session().runner().feed(m.input(), x).fetch(m.output()).run()) {
        actual = Tensors.values(r.get(0));
      }
      double max = 0;
      double scale = 0;
      for (int i = 0; i < actual.length; i++) {
        max = Math.max(max, Math.abs(actual[i] - expected[i]));
        scale = Math.max(scale, Math.abs(expected[i]));
      }
      LOG.info("{} ({}): max |rebuilt - serving_default| = {}, max |output| = {}",
          file.getFileName(), source.format(), max, scale);
      assertTrue(scale > 1e-3, "the outputs are not all zero: " + scale);
      assertTrue(max <= 1e-5, file.getFileName() + ": max |rebuilt - serving_default| " + max);
    }
  }

  /** Keras 2 h5 configs hold tuples as plain lists; SavedModel metadata as {"__tuple__"}. */
  static JsonNode plain(JsonNode n) {
    if (n.isObject() && "__tuple__".equals(n.path("class_name").asText()) && n.has("items")) {
      return plain(n.get("items"));
    }
    if (n.isObject()) {
      ObjectNode o = KerasFiles.JSON.createObjectNode();
      n.fields().forEachRemaining(e -> o.set(e.getKey(), plain(e.getValue())));
      return o;
    }
    if (n.isArray()) {
      ArrayNode a = KerasFiles.JSON.createArrayNode();
      n.forEach(item -> a.add(plain(item)));
      return a;
    }
    return n;
  }

  /**
   * The model's config as Keras 3 saves it: module and registered names, InputLayer's
   * batch_shape, inbound nodes as call arguments holding keras_history, and MobileNet as Keras 3
   * builds it: no conv1_pad, conv1 padding "same".
   */
  static ObjectNode keras3(JsonNode keras2) {
    ObjectNode config = KerasFiles.JSON.createObjectNode();
    config.put("name", keras2.path("config").path("name").asText());
    config.put("trainable", true);
    ArrayNode layers = config.putArray("layers");
    String skipped = null;
    for (JsonNode l : keras2.path("config").path("layers")) {
      String name = l.path("name").asText();
      String cls = l.path("class_name").asText();
      ObjectNode cfg = (ObjectNode) plain(l.path("config"));
      if (name.equals("conv1_pad")) {
        skipped = name;
        continue;
      }
      ObjectNode layer = layers.addObject();
      layer.put("module", "keras.layers");
      layer.put("class_name", cls);
      if (cls.equals("InputLayer")) {
        cfg.set("batch_shape", cfg.remove("batch_input_shape"));
        cfg.remove("ragged");
      }
      if (name.equals("conv1")) {
        cfg.put("padding", "same");
      }
      layer.set("config", cfg);
      layer.putNull("registered_name");
      layer.put("name", name);
      ArrayNode inbound = layer.putArray("inbound_nodes");
      for (JsonNode node : l.path("inbound_nodes")) {
        String from = node.get(0).get(0).asText();
        if (from.equals(skipped)) {
          from = "input_4";
        }
        ObjectNode call = inbound.addObject();
        ObjectNode tensor = call.putArray("args").addObject();
        tensor.put("class_name", "__keras_tensor__");
        ObjectNode t = tensor.putObject("config");
        t.put("dtype", "float32");
        t.putArray("keras_history").add(from).add(0).add(0);
        call.putObject("kwargs");
      }
    }
    config.set("input_layers", KerasFiles.JSON.createArrayNode().add(
        KerasFiles.JSON.createArrayNode().add("input_4").add(0).add(0)));
    config.set("output_layers", KerasFiles.JSON.createArrayNode().add("predictions").add(0).add(0));
    ObjectNode model = KerasFiles.JSON.createObjectNode();
    model.put("module", "keras.src.models.functional");
    model.put("class_name", "Functional");
    model.set("config", config);
    model.put("registered_name", "Functional");
    model.putObject("build_config").putNull("input_shape");
    return model;
  }

  /** Each layer's variables in Keras 3 creation order (kernel, bias; gamma, beta, mean, variance). */
  private static Map<String, List<KerasWeight>> keras3Variables() {
    List<String> order = List.of("kernel", "depthwise_kernel", "bias", "gamma", "beta",
        "moving_mean", "moving_variance");
    Map<String, List<KerasWeight>> out = new LinkedHashMap<>();
    for (String weight : order) {
      weights.values().stream().filter(w -> w.weight().equals(weight)).forEach(w ->
          out.computeIfAbsent(w.layer(), k -> new ArrayList<>()).add(w));
    }
    return out;
  }

  /** The written archive's arrays sit where Keras 3 puts them. */
  @Test
  void theArchiveLayoutIsKeras3s() throws Exception {
    Path file = tmp.resolve("layout.keras");
    KerasFiles.writeArchive(file, keras3(root), keras3Variables());
    Path h5 = tmp.resolve("layout.weights.h5");
    try (var zip = new java.util.zip.ZipFile(file.toFile())) {
      java.nio.file.Files.copy(zip.getInputStream(zip.getEntry("model.weights.h5")), h5);
    }
    try (HdfFile f = new HdfFile(h5)) {
      // conv1 is the first Conv2D, conv_pw_1 the second; conv1_bn the first BatchNormalization.
      assertEquals(List.of(3, 3, 3, 32), dims(f, "layers/conv2d/vars/0"));
      assertEquals(List.of(1, 1, 32, 64), dims(f, "layers/conv2d_1/vars/0"));
      assertEquals(List.of(32), dims(f, "layers/batch_normalization/vars/3"));
      assertEquals(List.of(1000), dims(f, "layers/conv2d_14/vars/1"));
    }
  }

  private static List<Integer> dims(HdfFile f, String path) {
    List<Integer> out = new ArrayList<>();
    for (int d : f.getDatasetByPath(path).getDimensions()) {
      out.add(d);
    }
    return out;
  }
}
