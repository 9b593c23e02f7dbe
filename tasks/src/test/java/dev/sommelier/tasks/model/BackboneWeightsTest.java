package dev.sommelier.tasks.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.core.Device;
import dev.sommelier.core.layers.BatchNormMode;
import dev.sommelier.heads.HeadSpec;
import dev.sommelier.heads.Pooling;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackboneWeightsTest {

  private static Path fixture() {
    String root = System.getProperty("sommelier.fixtures", "../fixtures");
    return Path.of(root, "keras-mobilenet-1.0-224").toAbsolutePath().normalize();
  }

  private static TaskModel model(String backbone, int size) {
    return TaskModel.create(
        new ModelConfig(backbone, size, HeadSpec.softmax(2, Pooling.GAP, 0.5f), List.of("a", "b"),
            BatchNormMode.FROZEN, 3),
        BackboneRegistry.load(), Device.CPU);
  }

  @Test
  void aKerasBackboneStartsTheModelAtAnotherInputSize() {
    float[] x = new float[2 * 96 * 96 * 3];
    Random r = new Random(1);
    for (int i = 0; i < x.length; i++) {
      x[i] = 2 * r.nextFloat() - 1;
    }
    float[] fresh;
    try (TaskModel m = model("mobilenet_v1", 96)) {
      fresh = m.features(x, 2);
    }
    float[] imported;
    try (TaskModel m = model("mobilenet_v1", 96)) {
      BackboneWeights.importInto(m, fixture(), BackboneRegistry.load());
      imported = m.features(x, 2);
    }
    try (TaskModel m = model("mobilenet_v1", 96)) {
      BackboneWeights.importInto(m, fixture(), BackboneRegistry.load());
      assertArrayEquals(imported, m.features(x, 2), 0f, "deterministic");
    }
    assertEquals(fresh.length, imported.length);
    double diff = 0;
    for (int i = 0; i < fresh.length; i++) {
      diff = Math.max(diff, Math.abs(fresh[i] - imported[i]));
    }
    assertTrue(diff > 1e-3, "imported weights change the features, max diff " + diff);
  }

  @Test
  void anotherBackboneIsAClearError() {
    try (TaskModel m = model("mobilenet_v1:alpha=0.5", 64)) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class,
              () -> BackboneWeights.importInto(m, fixture(), BackboneRegistry.load()));
      assertTrue(e.getMessage().contains("holds mobilenet_v1:alpha=1.0 weights, the model is"
          + " mobilenet_v1:alpha=0.5; choose --backbone mobilenet_v1:alpha=1.0"), e.getMessage());
    }
  }

  /** The official ImageNet weight file, as Keras downloads it into ~/.keras/models. */
  private static Path official() throws Exception {
    return Path.of(BackboneWeights.class.getResource(
        "/dev/sommelier/backbones/imagenet/mobilenet_2_5_224_tf_no_top.h5").toURI());
  }

  @Test
  void theOfficialKerasWeightFileStartsTheBackboneAndNotTheHead() throws Exception {
    try (TaskModel fresh = model("mobilenet_v1:alpha=0.25", 64);
        TaskModel m = model("mobilenet_v1:alpha=0.25", 64)) {
      BackboneWeights.importInto(m, official(), BackboneRegistry.load());
      var backbone = m.runtime().variables().all().stream()
          .filter(v -> m.backbone().blockOf(v.layer()) >= 0).toList();
      assertEquals(135, backbone.size());
      float[] kernel = m.runtime().values(List.of(m.runtime().variables().get("conv1/kernel"))).get(0);
      float[] initial = fresh.runtime().values(List.of(fresh.runtime().variables().get("conv1/kernel"))).get(0);
      assertEquals(3 * 3 * 3 * 8, kernel.length);
      assertTrue(!java.util.Arrays.equals(kernel, initial), "conv1/kernel comes from the file");
      var head = m.runtime().variables().get("predictions/kernel");
      assertArrayEquals(fresh.runtime().values(List.of(fresh.runtime().variables().get("predictions/kernel"))).get(0),
          m.runtime().values(List.of(head)).get(0), 0f, "the head keeps its seeded weights");
    }
  }

  @Test
  void theOfficialFileIntoAnotherWidthNamesTheBackboneToChoose() throws Exception {
    try (TaskModel m = model("mobilenet_v1", 64)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> BackboneWeights.importInto(m, official(), BackboneRegistry.load()));
      assertTrue(e.getMessage().contains("holds mobilenet_v1:alpha=0.25 weights, the model is"
          + " mobilenet_v1:alpha=1.0; choose --backbone mobilenet_v1:alpha=0.25"), e.getMessage());
    }
  }

  /**
   * A whole Keras model that rescales x / 255 in its own layer trained its backbone on that input:
   * its weights start a model that preprocesses the same way, and a model that preprocesses
   * otherwise is refused.
   */
  @Test
  void aModelFileThatPreprocessesInItsOwnLayersStartsOnlyAModelThatPreprocessesAlike(
      @org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
    var rescaling = KerasH5Models.layer("Rescaling", "rescaling",
        KerasH5Models.JSON.createObjectNode().put("scale", 1 / 255.0), "input_1");
    Path file = KerasH5Models.write(tmp.resolve("rescaled.h5"), 32, List.of(rescaling), List.of(),
        java.util.Map.of(), null);
    try (TaskModel m = model("mobilenet_v1:alpha=0.25", 32)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> BackboneWeights.importInto(m, file, BackboneRegistry.load()));
      assertTrue(e.getMessage().contains("preprocesses its input as affine: x*0.00392157 + 0 in its"
          + " own layers, but the model preprocesses as tf: x/127.5 - 1"), e.getMessage());
    }
    var own = dev.sommelier.backbones.keras.KerasBackboneWeights.ownPreprocessing(file,
        BackboneRegistry.load().create("mobilenet_v1:alpha=0.25", 32), BackboneRegistry.load());
    assertTrue(own.isPresent());
    try (TaskModel m = TaskModel.create(
        new ModelConfig("mobilenet_v1:alpha=0.25", 32, HeadSpec.softmax(2, Pooling.GAP, 0.5f),
            List.of("a", "b"), BatchNormMode.FROZEN, 3, own.get()),
        BackboneRegistry.load(), Device.CPU)) {
      BackboneWeights.importInto(m, file, BackboneRegistry.load());
      assertEquals(own.get(), m.preprocessing());
    }
  }
}
