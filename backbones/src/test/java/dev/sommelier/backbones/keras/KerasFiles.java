package dev.sommelier.backbones.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sommelier.backbones.testing.H5Arrays;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the three Keras file layouts with jHDF, as Keras's own savers lay them out, for tests:
 * Keras 2 {@code save_weights} ({@code hdf5_format.save_weights_to_hdf5_group}: root {@code
 * layer_names}, one group per layer sorted by name with {@code weight_names}, arrays at {@code
 * layer/weight_name}), Keras 2 {@code model.save("m.h5")} (the same under {@code model_weights}
 * plus the {@code model_config} and {@code training_config} attributes and {@code
 * optimizer_weights}), and Keras 3 {@code model.save("m.keras")} ({@code saving_lib}: a zip of
 * {@code metadata.json}, {@code config.json} and {@code model.weights.h5} whose arrays sit at
 * {@code layers/<snake_case class>[_n]/vars/<i>}).
 *
 * <p>Two differences from h5py, both jHDF writer limits, neither changing what a reader sees:
 * layers without weights get no group (Keras writes one with an empty {@code weight_names}, which
 * jHDF cannot write), and Keras 3's empty {@code vars} groups are left out.
 */
final class KerasFiles {

  static final ObjectMapper JSON = new ObjectMapper();

  private KerasFiles() {}

  /**
   * Keras 2 {@code save_weights}.
   *
   * @param layerNames every layer in model order, with or without weights
   * @param groups per layer group, its arrays by saved name ({@code conv1/kernel:0})
   */
  static void writeWeights(Path file, List<String> layerNames, Map<String, Map<String, KerasWeight>> groups,
      String kerasVersion) {
    try (WritableHdfFile h5 = HdfFile.write(file)) {
      writeLayerGroups(h5, layerNames, groups, kerasVersion);
    }
  }

  /** Keras 2 {@code model.save("m.h5")} of the model config {@code model}. */
  static void writeModel(Path file, JsonNode model, Map<String, Map<String, KerasWeight>> groups,
      JsonNode trainingConfig) {
    List<String> layerNames = new ArrayList<>();
    model.path("config").path("layers").forEach(l -> layerNames.add(l.path("config").path("name").asText()));
    try (WritableHdfFile h5 = HdfFile.write(file)) {
      h5.putAttribute("backend", "tensorflow");
      h5.putAttribute("keras_version", "2.4.0");
      h5.putAttribute("model_config", model.toString());
      if (trainingConfig != null) {
        h5.putAttribute("training_config", trainingConfig.toString());
        WritableGroup optimizer = h5.putGroup("optimizer_weights");
        optimizer.putAttribute("weight_names", new String[] {"Adam/iter:0"});
        optimizer.putGroup("Adam").putDataset("iter:0", 120L);
      }
      writeLayerGroups(h5.putGroup("model_weights"), layerNames, groups, "2.4.0");
    }
  }

  private static void writeLayerGroups(WritableGroup g, List<String> layerNames,
      Map<String, Map<String, KerasWeight>> groups, String kerasVersion) {
    g.putAttribute("layer_names", layerNames.toArray(new String[0]));
    g.putAttribute("backend", "tensorflow");
    g.putAttribute("keras_version", kerasVersion);
    for (var layer : new TreeMap<>(groups).entrySet()) {
      WritableGroup lg = g.putGroup(layer.getKey());
      lg.putAttribute("weight_names", layer.getValue().keySet().toArray(new String[0]));
      Map<String, WritableGroup> sub = new HashMap<>();
      for (var w : layer.getValue().entrySet()) {
        String[] parts = w.getKey().split("/");
        WritableGroup parent = lg;
        String path = "";
        for (int i = 0; i < parts.length - 1; i++) {
          path += "/" + parts[i];
          WritableGroup p = parent;
          String name = parts[i];
          parent = sub.computeIfAbsent(path, k -> p.putGroup(name));
        }
        KerasWeight array = w.getValue();
        parent.putDataset(parts[parts.length - 1],
            H5Arrays.nested(array.values(), array.shape().asArray()));
      }
    }
  }

  /**
   * Keras 3 {@code model.save("m.keras")} of the Keras 3 config {@code model}.
   *
   * @param variables per layer name, its variables in Keras 3 creation order
   */
  static void writeArchive(Path file, JsonNode model, Map<String, List<KerasWeight>> variables)
      throws IOException {
    Path h5file = Files.createTempFile(file.getParent(), "weights", ".h5");
    try (WritableHdfFile h5 = HdfFile.write(h5file)) {
      writeKeras3Layers(h5, model.path("config"), model.path("class_name").asText(), variables);
      h5.putGroup("optimizer").putGroup("vars").putDataset("0", 120L);
    }
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      put(zip, "metadata.json",
          "{\"keras_version\": \"3.3.3\", \"date_saved\": \"2026-12-01@12:00:00\"}".getBytes(StandardCharsets.UTF_8));
      put(zip, "config.json", model.toString().getBytes(StandardCharsets.UTF_8));
      put(zip, "model.weights.h5", Files.readAllBytes(h5file));
    } finally {
      Files.delete(h5file);
    }
  }

  private static void writeKeras3Layers(WritableGroup parent, JsonNode config, String modelClass,
      Map<String, List<KerasWeight>> variables) {
    WritableGroup layers = null;
    Map<String, Integer> seen = new HashMap<>();
    for (JsonNode layer : config.path("layers")) {
      String cls = layer.path("class_name").asText();
      if (modelClass.equals("Sequential") && cls.equals("InputLayer")) {
        continue;
      }
      // saving_lib names a layer by its class: conv2d, conv2d_1, batch_normalization, ...
      String base = switch (cls) {
        case "Conv2D" -> "conv2d";
        case "DepthwiseConv2D" -> "depthwise_conv2d";
        case "BatchNormalization" -> "batch_normalization";
        case "ReLU" -> "re_lu";
        case "ZeroPadding2D" -> "zero_padding2d";
        case "GlobalAveragePooling2D" -> "global_average_pooling2d";
        case "InputLayer" -> "input_layer";
        default -> cls.toLowerCase(java.util.Locale.ROOT);
      };
      int n = seen.merge(base, 1, Integer::sum) - 1;
      String name = n == 0 ? base : base + "_" + n;
      boolean model = layer.path("config").has("layers");
      List<KerasWeight> vars = variables.get(layer.path("name").asText());
      if (!model && (vars == null || vars.isEmpty())) {
        continue;
      }
      if (layers == null) {
        layers = parent.putGroup("layers");
      }
      WritableGroup g = layers.putGroup(name);
      if (model) {
        writeKeras3Layers(g, layer.path("config"), cls, variables);
        continue;
      }
      WritableGroup v = g.putGroup("vars");
      for (int i = 0; i < vars.size(); i++) {
        KerasWeight w = vars.get(i);
        v.putDataset(Integer.toString(i), H5Arrays.nested(w.values(), w.shape().asArray()));
      }
    }
  }

  private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(bytes);
    zip.closeEntry();
  }

  /** The arrays of {@code weights} grouped as Keras 2 writes a plain layer's: {@code conv1/kernel:0}. */
  static Map<String, Map<String, KerasWeight>> byLayer(Map<String, KerasWeight> weights) {
    Map<String, Map<String, KerasWeight>> out = new LinkedHashMap<>();
    weights.values().forEach(w ->
        out.computeIfAbsent(w.layer(), k -> new LinkedHashMap<>()).put(w.name() + ":0", w));
    return out;
  }
}
