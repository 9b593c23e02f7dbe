package dev.sommelier.backbones.keras;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.backbones.Backbone;
import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.backbones.Fixtures;
import dev.sommelier.backbones.Preprocessing;
import dev.sommelier.core.Device;
import dev.sommelier.core.ModelRuntime;
import dev.sommelier.core.ModelVariable;
import dev.sommelier.core.Tensors;
import dev.sommelier.core.layers.LayerGraph;
import io.jhdf.HdfFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** The official Keras 2.0.4 weight file of MobileNet 0.25 (no top), read and imported. */
class OfficialWeightsTest {

  private static final Path FILE = Fixtures.officialMobileNet025();

  @Test
  void theWeightFileIsRecognisedByContentAndReadByName() {
    try (KerasModelSource source = KerasModelSources.open(FILE)) {
      assertTrue(source.format().startsWith("Keras HDF5 weights"), source.format());
      assertTrue(source.format().contains("Keras 2.0.4"), source.format());
      assertTrue(source.layers().isEmpty(), "a weight file has no config");
      assertEquals(83, source.layerNames().size());
      assertEquals("input_1", source.layerNames().get(0));
      assertEquals("conv_pw_13_relu", source.layerNames().get(81));
      assertEquals("global_average_pooling2d_1", source.layerNames().get(82));
      assertEquals(135, source.weights().size());
      assertEquals(218_544L, source.weights().values().stream().mapToLong(w -> w.values().length).sum());
      assertEquals(Shape.of(3, 3, 3, 8), source.weights().get("conv1/kernel").shape());
      assertEquals(Shape.of(3, 3, 8, 1), source.weights().get("conv_dw_1/depthwise_kernel").shape());
      assertEquals(List.of("conv1_bn/gamma", "conv1_bn/beta", "conv1_bn/moving_mean",
          "conv1_bn/moving_variance"), source.weights().keySet().stream()
              .filter(n -> n.startsWith("conv1_bn/")).toList());
    }
  }

  /**
   * Every backbone variable equals the file's array (read here with jhdf directly, by path), and
   * conv1_relu of one image equals relu6(batchnorm(conv)) computed in plain Java from the file.
   */
  @Test
  void importedBackboneHoldsTheFileAndComputesTheStemAsKerasDoes() throws Exception {
    int size = 32;
    float[] image = new float[size * size * 3];
    Random r = new Random(5);
    for (int i = 0; i < image.length; i++) {
      image[i] = 255 * r.nextFloat();
    }
    Preprocessing.TF.applyInPlace(image);
    try (ModelRuntime rt = ModelRuntime.open(Device.CPU, 1);
        HdfFile h5 = new HdfFile(FILE)) {
      Backbone b = BackboneRegistry.load().create("mobilenet_v1:alpha=0.25", size);
      LayerGraph g = LayerGraph.inference(rt);
      Placeholder<TFloat32> input = g.input("input_1", size, size, 3);
      b.build(g, input);
      int set = KerasBackboneWeights.copyInto(rt, b, Preprocessing.TF, FILE, BackboneRegistry.load());
      assertEquals(135, set);
      List<ModelVariable> vars = rt.variables().all();
      assertEquals(135, vars.size());
      List<float[]> values = rt.values(vars);
      for (int i = 0; i < vars.size(); i++) {
        ModelVariable v = vars.get(i);
        String path = v.layer() + "/" + v.name() + ":0";
        float[] expected = (float[]) h5.getDatasetByPath(path).getDataFlat();
        assertArrayEquals(expected, values.get(i), 0f, v.name());
      }
      float[] stem;
      try (TFloat32 x = Tensors.of(Shape.of(1, size, size, 3), image);
          Result out = rt.session().runner().feed(input, x).fetch(g.output("conv1_relu")).run()) {
        stem = Tensors.values(out.get(0));
      }
      float[] expected = stem(image, size, h5);
      assertEquals(expected.length, stem.length);
      double max = 0;
      for (int i = 0; i < stem.length; i++) {
        max = Math.max(max, Math.abs(stem[i] - expected[i]));
      }
      assertTrue(max <= 1e-4, "max |conv1_relu - plain Java| " + max);
    }
  }

  @Test
  void anotherWidthIsAClearErrorNamingTheBackboneToChoose() {
    try (ModelRuntime rt = ModelRuntime.open(Device.CPU, 1)) {
      Backbone b = BackboneRegistry.load().create("mobilenet_v1:alpha=1.0", 32);
      LayerGraph g = LayerGraph.inference(rt);
      b.build(g, g.input("input_1", 32, 32, 3));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> KerasBackboneWeights.copyInto(rt, b, Preprocessing.TF, FILE, BackboneRegistry.load()));
      assertTrue(e.getMessage().contains("holds mobilenet_v1:alpha=0.25 weights, the model is"
          + " mobilenet_v1:alpha=1.0; choose --backbone mobilenet_v1:alpha=0.25"), e.getMessage());
      assertTrue(e.getMessage().contains(FILE.toString()), e.getMessage());
    }
  }

  /**
   * Keras MobileNet's stem on one NHWC image: ZeroPadding2D((0, 1), (0, 1)), 3x3 stride-2 valid
   * convolution without bias, BatchNormalization (epsilon 1e-3), ReLU(6).
   */
  private static float[] stem(float[] x, int size, HdfFile h5) {
    float[] k = (float[]) h5.getDatasetByPath("conv1/conv1/kernel:0").getDataFlat();
    float[] gamma = bn(h5, "gamma");
    float[] beta = bn(h5, "beta");
    float[] mean = bn(h5, "moving_mean");
    float[] var = bn(h5, "moving_variance");
    int filters = gamma.length;
    int out = (size + 1 - 3) / 2 + 1;
    float[] y = new float[out * out * filters];
    for (int oy = 0; oy < out; oy++) {
      for (int ox = 0; ox < out; ox++) {
        for (int f = 0; f < filters; f++) {
          double s = 0;
          for (int ky = 0; ky < 3; ky++) {
            for (int kx = 0; kx < 3; kx++) {
              int iy = oy * 2 + ky;
              int ix = ox * 2 + kx;
              if (iy >= size || ix >= size) {
                continue; // the zero padding at the bottom and right
              }
              for (int c = 0; c < 3; c++) {
                s += x[(iy * size + ix) * 3 + c] * k[((ky * 3 + kx) * 3 + c) * filters + f];
              }
            }
          }
          double bn = gamma[f] * (s - mean[f]) / Math.sqrt(var[f] + 1e-3) + beta[f];
          y[(oy * out + ox) * filters + f] = (float) Math.min(6, Math.max(0, bn));
        }
      }
    }
    return y;
  }

  private static float[] bn(HdfFile h5, String weight) {
    return (float[]) h5.getDatasetByPath("conv1_bn/conv1_bn/" + weight + ":0").getDataFlat();
  }
}
