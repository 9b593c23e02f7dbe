package dev.sommelier.backbones.keras;

import static dev.sommelier.backbones.keras.TestModels.config;
import static dev.sommelier.backbones.keras.TestModels.input;
import static dev.sommelier.backbones.keras.TestModels.layer;
import static dev.sommelier.backbones.keras.TestModels.op;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sommelier.backbones.Preprocessing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.ndarray.Shape;

/**
 * Models that preprocess in their own layers give what the same model without those layers gives
 * on the image preprocessed by hand; augmentation layers are identity; anything else before the
 * backbone is refused by name and class.
 */
class PreprocessingLayersTest {

  private static final Logger LOG = LoggerFactory.getLogger(PreprocessingLayersTest.class);
  private static final int SIZE = 64;
  private static final int IMAGES = 2;
  @TempDir static Path tmp;
  private static float[] pixels;

  @BeforeAll
  static void images() {
    pixels = ImportVerifier.testImages(IMAGES, SIZE, 3);
  }

  /** Input, {@code before}, the backbone, GlobalAveragePooling2D, Dense(3, softmax). */
  private static Path model(String file, List<ObjectNode> before, Map<String, KerasWeight> extra) {
    return model(file, SIZE, before, extra);
  }

  /** The same on an input of {@code inputSize} (0 for any size). */
  private static Path model(
      String file, int inputSize, List<ObjectNode> before, Map<String, KerasWeight> extra) {
    List<ObjectNode> layers = new ArrayList<>();
    layers.add(input("input_1", inputSize));
    layers.addAll(before);
    String last = layers.get(layers.size() - 1).path("name").asText();
    layers.addAll(TestModels.backboneLayers(last));
    layers.add(layer("GlobalAveragePooling2D", "gap", config(), "conv_pw_13_relu"));
    layers.add(layer("Dense", "out", config().put("units", 3).put("activation", "softmax")
        .put("use_bias", true), "gap"));
    Map<String, KerasWeight> weights = new LinkedHashMap<>(TestModels.backboneWeights());
    weights.putAll(TestModels.dense("out", TestModels.FEATURES, 3, 7));
    weights.putAll(extra);
    Path path = tmp.resolve(file);
    KerasFiles.writeModel(path, TestModels.functional("m", layers), KerasFiles.byLayer(weights), null);
    return path;
  }

  /** The model without preprocessing layers, fed pixels preprocessed by {@code manual}. */
  private static float[] bare(DoubleUnaryOperator[] manual) {
    float[] x = pixels.clone();
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) manual[i % 3].applyAsDouble(x[i]);
    }
    return TestModels.run(model("bare.h5", List.of(), Map.of()), x, true, IMAGES, SIZE).output();
  }

  private static float[] tfBare;

  /** The model without preprocessing layers, fed x / 127.5 - 1 computed here. */
  private static synchronized float[] bareTf() {
    if (tfBare == null) {
      tfBare = bare(same(x -> x / 127.5 - 1));
    }
    return tfBare;
  }

  private static DoubleUnaryOperator[] same(DoubleUnaryOperator f) {
    return new DoubleUnaryOperator[] {f, f, f};
  }

  /**
   * Equal up to float rounding: the layers' arithmetic in float32 and the same arithmetic done by
   * hand in double differ by an ulp at the input, which the backbone's 28 layers amplify.
   */
  private static void assertSame(String what, float[] expected, float[] actual) {
    double diff = TestModels.maxAbsDiff(expected, actual);
    double scale = TestModels.maxAbs(expected);
    LOG.info("{}: max |with layers - bare, by hand| = {} (max |output| {})", what, diff, scale);
    assertTrue(scale > 1e-3, what + ": outputs are not all zero");
    assertTrue(diff <= 1e-5 * Math.max(1, scale), what + ": max |diff| " + diff + " at scale " + scale);
  }

  private static TestModels.Run run(Path file) {
    return TestModels.run(file, pixels, false, IMAGES, SIZE);
  }

  @Test
  void rescalingIsTheBackbonesOwnScaling() {
    Path file = model("rescaling.h5", List.of(layer("Rescaling", "rescaling",
        config().put("scale", 1 / 127.5).put("offset", -1.0), "input_1")), Map.of());
    TestModels.Run r = run(file);
    ImportedModel m = r.model();
    assertTrue(m.preprocessing().sameTransform(Preprocessing.TF), m.preprocessing().description());
    assertEquals(List.of("rescaling"), m.preprocessingLayers().layers().stream().map(KerasLayer::name).toList());
    assertSame("Rescaling(1/127.5, -1)", bareTf(), r.output());
  }

  @Test
  void anAdaptedNormalizationNormalisesEachChannelWithItsSavedStatistics() {
    float[] mean = {120, 110, 100};
    float[] variance = {3600, 2500, 1600};
    Map<String, KerasWeight> stats = new LinkedHashMap<>();
    stats.put("normalization/mean", new KerasWeight("normalization/mean", Shape.of(3), mean));
    stats.put("normalization/variance", new KerasWeight("normalization/variance", Shape.of(3), variance));
    stats.put("normalization/count", new KerasWeight("normalization/count", Shape.scalar(), new float[] {5000}));
    ObjectNode cfg = config();
    cfg.putArray("axis").add(-1);
    cfg.putNull("mean");
    cfg.putNull("variance");
    Path file = model("normalization.h5", List.of(layer("Normalization", "normalization", cfg, "input_1")), stats);
    DoubleUnaryOperator[] manual = new DoubleUnaryOperator[3];
    for (int c = 0; c < 3; c++) {
      int ch = c;
      manual[c] = x -> (x - mean[ch]) / Math.max(Math.sqrt(variance[ch]), 1e-7);
    }
    assertSame("adapted Normalization", bare(manual), run(file).output());
  }

  @Test
  void arithmeticWithConstantsAndAConfiguredNormalizationCompose() {
    ObjectNode norm = config();
    norm.putArray("axis").add(-1);
    norm.putArray("mean").add(0.0);
    norm.putArray("variance").add(255.0 * 255.0);
    List<ObjectNode> before = List.of(
        op("math.multiply", 2.0, "input_1"),
        op("__operators__.add", -255.0, "tf.math.multiply"),
        layer("Normalization", "normalization", norm, "tf.__operators__.add"));
    Path file = model("arithmetic.h5", before, Map.of());
    assertSame("multiply 2, add -255, Normalization(0, 255^2)",
        bare(same(x -> (2 * x - 255) / 255.0)), run(file).output());
  }

  /** On an input of any size, Resizing sets the size and the augmentation layers do nothing. */
  @Test
  void randomAugmentationLayersAreIdentityAndRecorded() {
    List<ObjectNode> before = List.of(
        layer("Resizing", "resizing", config().put("height", SIZE).put("width", SIZE), "input_1"),
        layer("RandomFlip", "random_flip", config().put("mode", "horizontal"), "resizing"),
        layer("RandomZoom", "random_zoom", config().put("height_factor", 0.2), "random_flip"),
        layer("RandomContrast", "random_contrast", config().put("factor", 0.3), "random_zoom"));
    Path file = model("random.h5", 0, before, Map.of());
    TestModels.Run r = run(file);
    ImportedModel m = r.model();
    assertEquals(SIZE, m.backbone().spec().inputSize(), "the size Resizing sets");
    assertEquals(SIZE, m.preprocessingLayers().size());
    assertTrue(m.preprocessingLayers().transform().isEmpty(), "augmentation computes nothing");
    assertEquals(Preprocessing.TF, m.preprocessing(), "so the backbone's preprocessing applies");
    assertEquals(List.of("random_flip", "random_zoom", "random_contrast"),
        m.preprocessingLayers().augmentation().stream().map(KerasLayer::name).toList());
    assertEquals(0.2, m.preprocessingLayers().augmentation().get(1).config().path("height_factor").asDouble());
    assertSame("Resizing, RandomFlip, RandomZoom, RandomContrast", bareTf(), r.output());
  }

  /**
   * The Keras 2.5 transfer-learning example: Input, Sequential(RandomFlip, RandomRotation),
   * x / 127.5, - 1, the backbone as one nested Functional layer, GlobalAveragePooling2D, Dropout,
   * Dense(6) logits; weights of the nested model in its own group.
   */
  @Test
  void theKeras25ExampleWithANestedBackboneRebuilds() {
    ObjectNode augment = KerasFiles.JSON.createObjectNode();
    augment.put("class_name", "Sequential");
    ObjectNode seq = augment.putObject("config");
    seq.put("name", "sequential");
    seq.putArray("layers")
        .add(input("random_flip_input", SIZE))
        .add(layer("RandomFlip", "random_flip", config().put("mode", "horizontal"), null))
        .add(layer("RandomRotation", "random_rotation", config().put("factor", 0.2), null));
    List<ObjectNode> backbone = new ArrayList<>();
    backbone.add(input("input_1", SIZE));
    backbone.addAll(TestModels.backboneLayers("input_1"));
    ObjectNode mobilenet = TestModels.functional("mobilenet_0.25_224", backbone);
    List<ObjectNode> outer = List.of(
        input("input_2", SIZE),
        TestModels.nested(augment, "input_2"),
        op("math.truediv", 127.5, "sequential"),
        op("math.subtract", 1.0, "tf.math.truediv"),
        TestModels.nested(mobilenet, "tf.math.subtract"),
        layer("GlobalAveragePooling2D", "global_average_pooling2d", config(), "mobilenet_0.25_224"),
        layer("Dropout", "dropout", config().put("rate", 0.2), "global_average_pooling2d"),
        layer("Dense", "dense", config().put("units", 6).put("activation", "linear"), "dropout"));
    Map<String, Map<String, KerasWeight>> groups = new LinkedHashMap<>();
    Map<String, KerasWeight> nested = new LinkedHashMap<>();
    TestModels.backboneWeights().values().forEach(w -> nested.put(w.name() + ":0", w));
    groups.put("mobilenet_0.25_224", nested);
    // A random generator state saved as a weight of RandomFlip is accepted and left aside.
    groups.put("sequential", Map.of("random_flip/StateVar:0",
        new KerasWeight("random_flip/StateVar", Shape.of(2), new float[] {7, 0})));
    groups.putAll(KerasFiles.byLayer(TestModels.dense("dense", TestModels.FEATURES, 6, 9)));
    Path file = tmp.resolve("keras25.h5");
    ObjectNode training = KerasFiles.JSON.createObjectNode();
    training.putObject("loss").put("class_name", "SparseCategoricalCrossentropy")
        .putObject("config").put("reduction", "auto").put("name", "sparse_categorical_crossentropy")
        .put("from_logits", true);
    KerasFiles.writeModel(file, TestModels.functional("model", outer), groups, training);

    try (KerasModelSource s = KerasModelSources.open(file)) {
      assertTrue(KerasLoss.of(s.trainingConfig()).orElseThrow().categoricalFromLogits());
    }
    TestModels.Run r = run(file);
    ImportedModel m = r.model();
    assertEquals("mobilenet_v1:alpha=0.25", m.backbone().spec().qualifiedName());
    assertEquals(List.of("random_flip", "random_rotation", "tf.math.truediv", "tf.math.subtract"),
        m.preprocessingLayers().layers().stream().map(KerasLayer::name).toList());
    assertEquals(List.of("random_flip", "random_rotation"),
        m.preprocessingLayers().augmentation().stream().map(KerasLayer::name).toList());
    float[][] affine = m.preprocessing().asAffine().orElseThrow();
    assertArrayEquals(new float[] {1 / 127.5f, 1 / 127.5f, 1 / 127.5f}, affine[0], 1e-9f);
    assertArrayEquals(new float[] {-1, -1, -1}, affine[1], 0f);
    assertEquals(List.of("global_average_pooling2d", "dropout", "dense"),
        m.top().stream().map(KerasLayer::name).toList());
    assertEquals(137, m.importedVariables(), "135 of the backbone, 2 of the Dense");
    List<ObjectNode> flat = new ArrayList<>();
    flat.add(input("input_1", SIZE));
    flat.addAll(TestModels.backboneLayers("input_1"));
    flat.add(layer("GlobalAveragePooling2D", "global_average_pooling2d", config(), "conv_pw_13_relu"));
    flat.add(layer("Dense", "dense", config().put("units", 6).put("activation", "linear"), "global_average_pooling2d"));
    Map<String, KerasWeight> weights = new LinkedHashMap<>(TestModels.backboneWeights());
    weights.putAll(TestModels.dense("dense", TestModels.FEATURES, 6, 9));
    Path bare = tmp.resolve("keras25-bare.h5");
    KerasFiles.writeModel(bare, TestModels.functional("bare", flat), KerasFiles.byLayer(weights), null);
    float[] x = pixels.clone();
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (x[i] / 127.5 - 1);
    }
    assertSame("Keras 2.5 example (nested backbone)",
        TestModels.run(bare, x, true, IMAGES, SIZE).output(), r.output());
  }

  @Test
  void aLayerThatComputesSomethingElseBeforeTheBackboneIsRefusedByNameAndClass() {
    ObjectNode conv = config().put("filters", 3).put("padding", "same").put("activation", "linear");
    conv.putArray("kernel_size").add(1).add(1);
    conv.putArray("strides").add(1).add(1);
    Path file = model("stem.h5", List.of(layer("Conv2D", "my_stem", conv, "input_1")),
        Map.of("my_stem/kernel", new KerasWeight("my_stem/kernel", Shape.of(1, 1, 3, 3), new float[9])));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> run(file));
    assertTrue(e.getMessage().contains("layer my_stem (Conv2D) sits between the input and the backbone"),
        e.getMessage());
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());

    Path sqrt = model("sqrt.h5", List.of(op("math.sqrt", 0, "input_1")), Map.of());
    IllegalArgumentException f = assertThrows(IllegalArgumentException.class,
        () -> run(sqrt));
    assertTrue(f.getMessage().contains("layer tf.math.sqrt (TFOpLambda math.sqrt)"), f.getMessage());
  }
}
