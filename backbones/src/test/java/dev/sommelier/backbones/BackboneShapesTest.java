package dev.sommelier.backbones;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.core.Device;
import dev.sommelier.core.ModelRuntime;
import dev.sommelier.core.ModelVariable;
import dev.sommelier.core.layers.LayerGraph;
import dev.sommelier.core.layers.LayerInfo;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** Parameter counts and feature-map shapes, checked the same way for every backbone. */
class BackboneShapesTest {

  record Built(List<LayerInfo> layers, long total, long trainable, long[] featureShape) {}

  static Built build(String name, int size) {
    try (ModelRuntime rt = ModelRuntime.open(Device.CPU, 1)) {
      LayerGraph g = LayerGraph.inference(rt);
      Backbone b = BackboneRegistry.load().create(name, size);
      Operand<TFloat32> f = b.build(g, g.input("input_1", size, size, 3));
      assertEquals(-1, f.shape().get(0), "batch axis stays open");
      assertTrue(g.has(b.spec().gradCamLayer()));
      long trainable = rt.variables().all().stream().filter(ModelVariable::trainable).mapToLong(ModelVariable::size).sum();
      long[] shape = new long[] {f.shape().get(1), f.shape().get(2), f.shape().get(3)};
      return new Built(g.layers(), rt.variables().parameterCount(), trainable, shape);
    }
  }

  /**
   * Totals: ResNet50 and MobileNet 1.0 are the numbers Keras prints for include_top=False; the
   * other alphas come from the same architecture formula (int(filters * alpha) everywhere).
   */
  @ParameterizedTest
  @CsvSource({
    "resnet50,                224, 23587712, 23534592, 7, 2048",
    "mobilenet_v1:alpha=1.0,  224, 3228864,  3206976,  7, 1024",
    "mobilenet_v1:alpha=0.75, 224, 1832976,  1816560,  7, 768",
    "mobilenet_v1:alpha=0.5,  224, 829536,   818592,   7, 512",
    "mobilenet_v1:alpha=0.25, 224, 218544,   213072,   7, 256",
    "resnet50,                197, 23587712, 23534592, 7, 2048",
    "mobilenet_v1,            192, 3228864,  3206976,  6, 1024",
    "resnet50,                256, 23587712, 23534592, 8, 2048",
    "resnet50,                 32, 23587712, 23534592, 1, 2048",
    "mobilenet_v1,             32, 3228864,  3206976,  1, 1024",
  })
  void parameterCountsAndFeatureMapsMatchKeras(
      String name, int size, long total, long trainable, long spatial, long channels) {
    Built b = build(name, size);
    assertEquals(total, b.total());
    assertEquals(trainable, b.trainable());
    assertArrayEquals(new long[] {spatial, spatial, channels}, b.featureShape());
    assertEquals(total, b.layers().stream().mapToLong(LayerInfo::parameters).sum());
  }

  /**
   * ResNet101 and ResNet152 against Keras's {@code include_top=False} summaries: totals, trainable
   * parameters (the rest are the batch norms' moving statistics, 2 x 52,672 and 2 x 75,712
   * channels), layer counts and a layer of the deepest stage. Slow: each takes 5 to 15 s to build.
   */
  @Tag("slow")
  @ParameterizedTest
  @CsvSource({
    "resnet101, 42658176, 42552832, 345, conv4_block23_out, conv4_block24_out",
    "resnet152, 58370944, 58219520, 515, conv4_block36_out, conv4_block37_out",
  })
  void deeperResNetsMatchKeras(
      String name, long total, long trainable, int layers, String deepest, String beyond) {
    Built b = build(name, 32);
    assertEquals(total, b.total());
    assertEquals(trainable, b.trainable());
    assertArrayEquals(new long[] {1, 1, 2048}, b.featureShape());
    assertEquals(layers, b.layers().size());
    assertEquals("conv5_block3_out", b.layers().get(layers - 1).name());
    List<String> names = b.layers().stream().map(LayerInfo::name).toList();
    assertTrue(names.contains(deepest) && !names.contains(beyond), deepest);
  }

  /**
   * "Train the last N blocks" counts Keras's blocks: the stem, then ResNet50's 16 bottlenecks or
   * MobileNet's 13 separable blocks, a strided block's padding in its own block.
   */
  @ParameterizedTest
  @CsvSource({"resnet50, 17, conv4_block6_out, 13", "mobilenet_v1, 14, conv_pad_12, 12"})
  void blocksFollowKeras(String name, int count, String probe, int block) {
    Backbone b = BackboneRegistry.load().create(name, 64);
    assertEquals(count, b.blockCount());
    assertEquals(block, b.blockOf(probe));
  }

  @ParameterizedTest
  @CsvSource({"resnet50, 175, conv5_block3_out", "mobilenet_v1, 87, conv_pw_13_relu"})
  void layerListsHaveKerasLengthAndEndOnTheFeatureLayer(String name, int layers, String last) {
    // Keras: len(ResNet50(include_top=False).layers) == 175 and MobileNet's == 87 (Input included).
    List<LayerInfo> built = build(name, 224).layers();
    assertEquals(layers, built.size());
    assertEquals("InputLayer", built.get(0).type());
    assertEquals(last, built.get(built.size() - 1).name());
  }
}
