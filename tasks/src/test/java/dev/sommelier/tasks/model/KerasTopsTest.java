package dev.sommelier.tasks.model;

import static dev.sommelier.tasks.model.KerasH5Models.layer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.backbones.keras.ImportedModel;
import dev.sommelier.backbones.keras.KerasModelImporter;
import dev.sommelier.backbones.keras.KerasModelSource;
import dev.sommelier.backbones.keras.KerasModelSources;
import dev.sommelier.backbones.keras.KerasWeight;
import dev.sommelier.core.Device;
import dev.sommelier.core.ModelRuntime;
import dev.sommelier.core.Tensors;
import dev.sommelier.heads.HeadSpec;
import dev.sommelier.heads.OutputFunction;
import dev.sommelier.heads.Pooling;
import dev.sommelier.tasks.data.ImageResizer;
import dev.sommelier.tasks.data.RgbImage;
import dev.sommelier.tasks.predict.Prediction;
import dev.sommelier.tasks.predict.Predictor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * What a Keras top means: a linear Dense(k > 1) trained with a from-logits categorical loss is a
 * softmax classifier; without that evidence it is refused. A sigmoid Dense(k) is a multi-label
 * head (k = 1: one label, a binary classifier) whose probabilities are the Keras model's. The model's
 * own preprocessing layer becomes the model's preprocessing, applied once by the Predictor.
 */
class KerasTopsTest {

  private static final int SIZE = 32;
  @TempDir Path tmp;

  /** Input, Rescaling(1/255), MobileNet 0.25, GlobalAveragePooling2D, Dense(4) named logits. */
  private Path logitsModel(String file, JsonNode training, String activation) throws Exception {
    return logitsModel(file, training, activation, 4);
  }

  /** As {@link #logitsModel(String, JsonNode, String)} with {@code units} outputs. */
  private Path logitsModel(String file, JsonNode training, String activation, int units)
      throws Exception {
    List<ObjectNode> before = List.of(layer("Rescaling", "rescaling",
        KerasH5Models.JSON.createObjectNode().put("scale", 1 / 255.0).put("offset", 0.0), "input_1"));
    List<ObjectNode> top = List.of(
        layer("GlobalAveragePooling2D", "gap", KerasH5Models.JSON.createObjectNode(), "conv_pw_13_relu"),
        layer("Dense", "logits", KerasH5Models.JSON.createObjectNode().put("units", units)
            .put("activation", activation).put("use_bias", true), "gap"));
    return KerasH5Models.write(tmp.resolve(file), SIZE, before, top,
        KerasH5Models.dense("logits", 256, units, 3), training);
  }

  private static RgbImage image() {
    byte[] px = new byte[SIZE * SIZE * 3];
    new Random(8).nextBytes(px);
    return new RgbImage(SIZE, SIZE, px);
  }

  /** The Keras model's logits, rebuilt by the importer, on pixels preprocessed by hand as x / 255. */
  private static float[] logits(Path file, float[] pixels) {
    float[] x = pixels.clone();
    for (int i = 0; i < x.length; i++) {
      x[i] = x[i] / 255f;
    }
    try (KerasModelSource s = KerasModelSources.open(file); ModelRuntime rt = ModelRuntime.open(Device.CPU, 1)) {
      ImportedModel m = KerasModelImporter.rebuild(s, BackboneRegistry.load(), rt);
      try (TFloat32 t = Tensors.of(Shape.of(1, SIZE, SIZE, 3), x);
          Result r = rt.session().runner().feed(m.input(), t).fetch(m.output()).run()) {
        return Tensors.values(r.get(0));
      }
    }
  }

  @Test
  void aFromLogitsDenseIsASoftmaxClassifierWhoseOwnPreprocessingThePredictorApplies() throws Exception {
    Path file = logitsModel("logits.h5",
        KerasH5Models.loss("SparseCategoricalCrossentropy", true), "linear");
    Path dir = tmp.resolve("model");
    try (KerasConversion c = KerasModelConverter.convert(file, null, BackboneRegistry.load(), Device.CPU, 1)) {
      TaskModel m = c.model();
      assertEquals("softmax", m.config().head().type());
      assertEquals(4, m.config().head().outputs());
      assertEquals(Pooling.GAP, m.config().head().pooling());
      assertEquals("class probabilities: softmax of the logits of Dense 'logits' (4 units), which"
          + " the model was trained on with SparseCategoricalCrossentropy(from_logits=True)",
          c.facts().get("output"));
      float[][] affine = m.preprocessing().asAffine().orElseThrow();
      assertArrayEquals(new float[] {1 / 255f, 1 / 255f, 1 / 255f}, affine[0], 1e-9f);
      assertArrayEquals(new float[] {0, 0, 0}, affine[1], 0f);
      ModelStore.save(m, dir, Map.of("keras", c.facts()));
    }
    JsonNode card = KerasH5Models.JSON.readTree(dir.resolve("model.json").toFile());
    assertEquals("affine", card.get("preprocessing").asText());
    assertEquals("affine", card.get("config").get("preprocessing").get("mode").asText());
    assertEquals(1 / 255.0, card.get("config").get("preprocessing").get("scale").get(0).asDouble(), 1e-9);
    assertTrue(card.get("info").get("keras").get("output").asText().contains("from_logits=True"));
    assertEquals("[\"rescaling (Rescaling)\"]",
        card.get("info").get("keras").get("preprocessingLayers").toString());

    RgbImage image = image();
    float[] pixels = ImageResizer.resizeAll(List.of(image), SIZE);
    float[] z = logits(file, pixels);
    double max = 0;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double sum = 0;
    double[] expected = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      expected[i] = Math.exp(z[i] - max);
      sum += expected[i];
    }
    try (Predictor p = Predictor.load(dir, Device.CPU)) {
      Prediction prediction = p.predict("img", image);
      for (var cls : prediction.classes()) {
        double want = expected[Integer.parseInt(cls.name())] / sum;
        assertEquals(want, cls.probability(), 1e-5, "class " + cls.name());
      }
    }
  }

  @Test
  void hiddenDenseLayersBecomeAnMlpHeadWhoseLayersTakeTheirWeightsInOrder() throws Exception {
    List<ObjectNode> before = List.of(layer("Rescaling", "rescaling",
        KerasH5Models.JSON.createObjectNode().put("scale", 1 / 255.0).put("offset", 0.0), "input_1"));
    List<ObjectNode> top = List.of(
        layer("GlobalAveragePooling2D", "gap", KerasH5Models.JSON.createObjectNode(), "conv_pw_13_relu"),
        layer("Dense", "fc1", KerasH5Models.JSON.createObjectNode().put("units", 16)
            .put("activation", "relu").put("use_bias", true), "gap"),
        layer("Dropout", "drop", KerasH5Models.JSON.createObjectNode().put("rate", 0.25), "fc1"),
        layer("Dense", "fc2", KerasH5Models.JSON.createObjectNode().put("units", 8)
            .put("activation", "relu").put("use_bias", true), "drop"),
        layer("Dense", "out", KerasH5Models.JSON.createObjectNode().put("units", 4)
            .put("activation", "softmax").put("use_bias", true), "fc2"));
    Map<String, KerasWeight> weights = new LinkedHashMap<>(KerasH5Models.dense("fc1", 256, 16, 3));
    weights.putAll(KerasH5Models.dense("fc2", 16, 8, 4));
    weights.putAll(KerasH5Models.dense("out", 8, 4, 5));
    Path file = KerasH5Models.write(tmp.resolve("mlp.h5"), SIZE, before, top, weights, null);
    RgbImage image = image();
    float[] expected = logits(file, ImageResizer.resizeAll(List.of(image), SIZE));
    try (KerasConversion c = KerasModelConverter.convert(file, null, BackboneRegistry.load(), Device.CPU, 1);
        Predictor p = new Predictor(c.model())) {
      HeadSpec head = c.model().config().head();
      assertEquals("mlp", head.type());
      assertEquals(List.of(16, 8), head.hidden());
      assertEquals(0.25f, head.dropout());
      for (var cls : p.predict("img", image).classes()) {
        assertEquals(expected[Integer.parseInt(cls.name())], cls.probability(), 1e-5,
            "class " + cls.name());
      }
    }
  }

  @Test
  void aLinearDenseWithoutLossEvidenceIsRefusedSayingWhatToDo() throws Exception {
    Path file = logitsModel("uncompiled.h5", null, "linear");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KerasModelConverter.convert(file, null, BackboneRegistry.load(), Device.CPU, 1).close());
    assertTrue(e.getMessage().contains("the output Dense 'logits' (4 units) is linear, and the file"
        + " holds no training config that says whether it gives class logits"), e.getMessage());
    assertTrue(e.getMessage().contains("SparseCategoricalCrossentropy(from_logits=True)"), e.getMessage());

    Path probabilities = logitsModel("mse.h5", KerasH5Models.loss("MeanSquaredError", false), "linear");
    IllegalArgumentException f = assertThrows(IllegalArgumentException.class,
        () -> KerasModelConverter.convert(probabilities, null, BackboneRegistry.load(), Device.CPU, 1).close());
    assertTrue(f.getMessage().contains("the saved loss MeanSquaredError does not say"), f.getMessage());
  }

  @Test
  void aSigmoidTopIsAMultiLabelHeadGivingTheKerasModelsOwnProbabilities() throws Exception {
    Path file = logitsModel("sigmoid.h5", KerasH5Models.loss("BinaryCrossentropy", false),
        "sigmoid");
    RgbImage image = image();
    float[] keras = logits(file, ImageResizer.resizeAll(List.of(image), SIZE));
    Path dir = tmp.resolve("labels");
    try (KerasConversion c = KerasModelConverter.convert(file, null, BackboneRegistry.load(),
        Device.CPU, 1)) {
      HeadSpec head = c.model().config().head();
      assertEquals("multilabel", head.type());
      assertEquals(OutputFunction.SIGMOID, head.output());
      assertEquals(4, head.outputs());
      assertEquals(TaskKind.MULTILABEL, c.model().config().task());
      assertTrue(c.facts().get("output").toString().startsWith("label probabilities: sigmoid"));
      ModelStore.save(c.model(), dir, Map.of("keras", c.facts()));
    }
    try (Predictor p = Predictor.load(dir, Device.CPU)) {
      Prediction prediction = p.predict("img", image);
      assertEquals(TaskKind.MULTILABEL, prediction.task());
      assertEquals(4, prediction.classes().size());
      for (var label : prediction.classes()) {
        float want = keras[Integer.parseInt(label.name())];
        assertTrue(want > 0 && want < 1, "the Keras output is a sigmoid: " + want);
        assertEquals(want, label.probability(), 1e-5, "label " + label.name());
        assertEquals(want >= 0.5f, prediction.labels().contains(label), "label " + label.name()
            + " is present exactly when its probability is at least 0.5");
      }
    }
  }

  @Test
  void aOneUnitSigmoidTopIsABinaryClassifierWithOneLabel() throws Exception {
    Path file = logitsModel("binary.h5", KerasH5Models.loss("BinaryCrossentropy", false),
        "sigmoid", 1);
    RgbImage image = image();
    float[] keras = logits(file, ImageResizer.resizeAll(List.of(image), SIZE));
    try (KerasConversion c = KerasModelConverter.convert(file, null, BackboneRegistry.load(),
        Device.CPU, 1); Predictor p = new Predictor(c.model())) {
      assertEquals(1, c.model().config().head().outputs());
      assertTrue(c.facts().get("output").toString().contains("binary classifier"));
      Prediction prediction = p.predict("img", image);
      assertEquals(keras[0], prediction.top().probability(), 1e-5);
      assertEquals(keras[0] >= 0.5f ? 1 : 0, prediction.labels().size());
    }
  }
}
