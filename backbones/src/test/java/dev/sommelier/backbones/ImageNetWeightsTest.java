package dev.sommelier.backbones;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Built-in and Keras-cache ImageNet weights, under the file names Keras itself uses. */
class ImageNetWeightsTest {

  private static final BackboneRegistry REGISTRY = BackboneRegistry.load();

  @TempDir Path keras;

  private static BackboneSpec spec(String backbone, int size) {
    return REGISTRY.create(backbone, size).spec();
  }

  private Path cached(String name) throws Exception {
    Path p = Files.createDirectories(keras.resolve("models")).resolve(name);
    Files.write(p, new byte[] {1, 2, 3});
    return p;
  }

  @Test
  void mobileNetQuarterWidthHasBuiltInWeightsWhateverTheInputSize() throws Exception {
    Path a = ImageNetWeights.locate(spec("mobilenet_v1:alpha=0.25", 128), REGISTRY, keras);
    Path b = ImageNetWeights.locate(spec("mobilenet_v1:alpha=.25", 224), REGISTRY, keras);
    assertEquals(a, b, "copied once per process");
    assertEquals("mobilenet_2_5_224_tf_no_top.h5", a.getFileName().toString());
    try (InputStream in = ImageNetWeights.class.getResourceAsStream(
        ImageNetWeights.RESOURCES + "mobilenet_2_5_224_tf_no_top.h5")) {
      assertArrayEquals(in.readAllBytes(), Files.readAllBytes(a));
    }
    assertEquals(2_108_140, Files.size(a));
  }

  @Test
  void otherBackbonesComeFromKerassCacheUnderKerassFileNames() throws Exception {
    Path resnet = cached("resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5");
    assertEquals(resnet, ImageNetWeights.locate(spec("resnet50", 197), REGISTRY, keras));
    Path at160 = cached("mobilenet_5_0_160_tf_no_top.h5");
    assertEquals(at160, ImageNetWeights.locate(spec("mobilenet_v1:alpha=0.5", 224), REGISTRY,
        keras), "any input size's file serves");
    Path at224 = cached("mobilenet_5_0_224_tf_no_top.h5");
    assertEquals(at224, ImageNetWeights.locate(spec("mobilenet_v1:alpha=0.5", 224), REGISTRY,
        keras), "the nearest input size first");
    assertEquals(at160, ImageNetWeights.locate(spec("mobilenet_v1:alpha=0.5", 150), REGISTRY,
        keras));
  }

  @Test
  void kerasFileNamesFollowKeras() {
    assertEquals(List.of("mobilenet_1_0_192_tf_no_top.h5", "mobilenet_1_0_160_tf_no_top.h5",
            "mobilenet_1_0_224_tf_no_top.h5", "mobilenet_1_0_128_tf_no_top.h5"),
        REGISTRY.get("mobilenet_v1").imageNetFiles(180, java.util.Map.of()).orElseThrow()
            .names());
    assertEquals("mobilenet_7_5_224_tf_no_top.h5", REGISTRY.get("mobilenet_v1")
        .imageNetFiles(224, java.util.Map.of("alpha", "0.75")).orElseThrow().names().get(0));
  }

  @Test
  void missingWeightsNameTheFilesAndTheDownload() {
    String m = assertThrows(IllegalArgumentException.class,
        () -> ImageNetWeights.locate(spec("resnet50", 224), REGISTRY, keras)).getMessage();
    assertTrue(m.contains(keras.resolve("models")
        .resolve("resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5").toString()), m);
    assertTrue(m.contains("python -c 'import tensorflow as tf; tf.keras.applications.ResNet50("
        + "include_top=False, weights=\"imagenet\")'"), m);
    String mobile = assertThrows(IllegalArgumentException.class,
        () -> ImageNetWeights.locate(spec("mobilenet_v1", 160), REGISTRY, keras)).getMessage();
    assertTrue(mobile.contains("mobilenet_1_0_160_tf_no_top.h5")
        && mobile.contains("mobilenet_1_0_128_tf_no_top.h5"), mobile);
    assertTrue(mobile.contains("tf.keras.applications.MobileNet(alpha=1.0, input_shape=(160, 160,"
        + " 3), include_top=False, weights=\"imagenet\")"), mobile);
  }

  /** ResNet101 and ResNet152 ship no weights; Keras's cache has them under Keras's names. */
  @Test
  void deeperResNetsComeFromKerassCacheOnlyAndSayHowToDownload() throws Exception {
    for (String[] r : new String[][] {{"resnet101", "ResNet101"}, {"resnet152", "ResNet152"}}) {
      String file = r[0] + "_weights_tf_dim_ordering_tf_kernels_notop.h5";
      String m = assertThrows(IllegalArgumentException.class,
          () -> ImageNetWeights.locate(spec(r[0], 224), REGISTRY, keras)).getMessage();
      assertTrue(m.startsWith("no ImageNet weights for " + r[0] + " in Keras's cache: looked for ["
          + keras.resolve("models").resolve(file) + "]"), m);
      assertTrue(m.contains("python -c 'import tensorflow as tf; tf.keras.applications." + r[1]
          + "(include_top=False, weights=\"imagenet\")'"), m);
      Path cached = cached(file);
      assertEquals(cached, ImageNetWeights.locate(spec(r[0], 197), REGISTRY, keras));
    }
  }

  @Test
  void aBackboneWithoutImageNetWeightsSaysWhichHaveThem() {
    String m = assertThrows(IllegalArgumentException.class,
        () -> ImageNetWeights.locate(spec("simple_cnn", 0), REGISTRY, keras)).getMessage();
    assertTrue(m.startsWith("simple_cnn"), m);
    assertTrue(m.contains(" has no ImageNet weights; they exist for "), m);
    assertTrue(m.contains("resnet50, resnet101, resnet152, mobilenet_v1"), m);
  }
}
