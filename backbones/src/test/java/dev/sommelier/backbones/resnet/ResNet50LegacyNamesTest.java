package dev.sommelier.backbones.resnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.backbones.Backbone;
import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.backbones.KerasNameMap;
import dev.sommelier.backbones.Preprocessing;
import dev.sommelier.backbones.keras.KerasBackboneWeights;
import dev.sommelier.backbones.testing.H5Arrays;
import dev.sommelier.core.Device;
import dev.sommelier.core.ModelRuntime;
import dev.sommelier.core.ModelVariable;
import dev.sommelier.core.layers.LayerGraph;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Standalone Keras up to 2.2.4 named ResNet50's layers {@code conv1}, {@code bn_conv1},
 * {@code res2a_branch2a}, ...; its weight files import into today's names through the provider's
 * name map.
 */
class ResNet50LegacyNamesTest {

  @TempDir Path tmp;

  @Test
  void theMapIsOneToOneOntoTodaysLayers() {
    KerasNameMap map = new ResNet50Provider().kerasNameMaps().get(0);
    assertEquals(106, map.layers().size(), "53 convolutions and 53 batch norms");
    assertEquals(106, map.layers().values().stream().distinct().count());
    assertEquals("conv1_conv", map.layer("conv1"));
    assertEquals("conv1_bn", map.layer("bn_conv1"));
    assertEquals("conv2_block1_1_conv", map.layer("res2a_branch2a"));
    assertEquals("conv2_block1_0_conv", map.layer("res2a_branch1"));
    assertEquals("conv3_block4_3_bn", map.layer("bn3d_branch2c"));
    assertEquals("conv4_block6_2_conv", map.layer("res4f_branch2b"));
    assertEquals("conv5_block3_3_conv", map.layer("res5c_branch2c"));
    assertEquals("conv5_block1_0_bn/moving_mean", map.weight("bn5a_branch1/moving_mean"));
    assertEquals("activation_49", map.layer("activation_49"), "unmapped names stay");
  }

  /** A weight file of that era, written here with every array under its old name, imports by name. */
  @Test
  void anOldWeightFileImportsByName() throws Exception {
    Path file = tmp.resolve("resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5");
    Map<String, String> oldName = new HashMap<>();
    new ResNet50Provider().kerasNameMaps().get(0).layers().forEach((old, now) -> oldName.put(now, old));
    Map<String, float[]> written = new LinkedHashMap<>();
    try (ModelRuntime rt = ModelRuntime.open(Device.CPU, 1)) {
      List<ModelVariable> vars = build(rt).runtime().variables().all();
      List<String> layerNames = new ArrayList<>(List.of("input_1", "conv1_pad"));
      Map<String, List<ModelVariable>> byLayer = new LinkedHashMap<>();
      vars.forEach(v -> byLayer.computeIfAbsent(v.layer(), k -> new ArrayList<>()).add(v));
      int activation = 1;
      try (WritableHdfFile h5 = HdfFile.write(file)) {
        for (var layer : byLayer.entrySet()) {
          String old = oldName.get(layer.getKey());
          layerNames.add(old);
          if (old.startsWith("bn")) {
            layerNames.add("activation_" + activation++);
          }
          WritableGroup g = h5.putGroup(old);
          WritableGroup inner = g.putGroup(old);
          List<String> weightNames = new ArrayList<>();
          Random r = new Random(old.hashCode());
          for (ModelVariable v : layer.getValue()) {
            String weight = v.name().substring(v.name().lastIndexOf('/') + 1);
            float[] values = new float[Math.toIntExact(v.size())];
            for (int i = 0; i < values.length; i++) {
              values[i] = r.nextFloat();
            }
            written.put(v.name(), values);
            weightNames.add(old + "/" + weight + ":0");
            inner.putDataset(weight + ":0", H5Arrays.nested(values, v.shape().asArray()));
          }
          g.putAttribute("weight_names", weightNames.toArray(new String[0]));
        }
        h5.putAttribute("layer_names", layerNames.toArray(new String[0]));
        h5.putAttribute("keras_version", "2.2.4");
        h5.putAttribute("backend", "tensorflow");
      }
    }
    try (ModelRuntime rt = ModelRuntime.open(Device.CPU, 2)) {
      LayerGraph g = build(rt);
      Backbone b = BackboneRegistry.load().create("resnet50", 32);
      int set = KerasBackboneWeights.copyInto(rt, b, Preprocessing.CAFFE, file, BackboneRegistry.load());
      List<ModelVariable> vars = g.runtime().variables().all();
      assertEquals(318, set);
      assertEquals(vars.size(), set);
      List<float[]> values = rt.values(vars);
      for (int i = 0; i < vars.size(); i++) {
        assertArrayEquals(written.get(vars.get(i).name()), values.get(i), 0f, vars.get(i).name());
      }
      assertTrue(written.containsKey("conv1_bn/moving_variance"));
    }
  }

  private static LayerGraph build(ModelRuntime rt) {
    LayerGraph g = LayerGraph.inference(rt);
    BackboneRegistry.load().create("resnet50", 32).build(g, g.input("input_1", 32, 32, 3));
    return g;
  }
}
