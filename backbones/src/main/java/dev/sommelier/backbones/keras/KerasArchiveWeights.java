package dev.sommelier.backbones.keras;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sommelier.core.layers.KerasVariables;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names the arrays of a {@code .keras} archive's {@code model.weights.h5}, which Keras stores by
 * position: a model's layers under {@code layers/}, each under its class name made snake case and
 * numbered in model order ({@code conv2d}, {@code conv2d_1}, {@code batch_normalization}, ...), its
 * variables under {@code vars/0}, {@code vars/1}, ... in creation order; a nested model's layers
 * under its own {@code layers/}. {@link KerasVariables} gives each position its name.
 */
final class KerasArchiveWeights {

  private KerasArchiveWeights() {}

  /**
   * Every layer variable of the model {@code root} (its config JSON) from {@code h5}.
   *
   * @throws IllegalArgumentException naming the layer when its arrays do not fit its class
   */
  static Map<String, KerasWeight> read(HdfFile h5, JsonNode root, Path where) {
    // Keras 2.13 to 2.15 wrote _layer_checkpoint_dependencies where Keras 3 writes layers.
    String layers = h5.getChildren().containsKey("_layer_checkpoint_dependencies")
        ? "_layer_checkpoint_dependencies" : "layers";
    Map<String, KerasWeight> out = new LinkedHashMap<>();
    readModel(h5, "", layers, root.path("class_name").asText(), root.path("config"), where, out);
    return out;
  }

  private static void readModel(HdfFile h5, String prefix, String layers, String modelClass,
      JsonNode modelConfig, Path where, Map<String, KerasWeight> out) {
    Map<String, Integer> used = new HashMap<>();
    for (JsonNode layer : modelConfig.path("layers")) {
      String cls = layer.path("class_name").asText();
      JsonNode cfg = layer.path("config");
      if (modelClass.equals("Sequential") && cls.equals("InputLayer")) {
        continue; // Sequential.layers leaves out its input
      }
      String name = layer.has("name") ? layer.get("name").asText() : cfg.path("name").asText();
      String path = prefix + layers + "/" + numbered(snakeCase(cls), used);
      if (KerasModelConfig.isModel(cls, cfg)) {
        readModel(h5, path + "/", layers, cls, cfg, where, out);
        continue;
      }
      if (!(H5Values.find(h5, path + "/vars") instanceof Group vars)
          || vars.getChildren().isEmpty()) {
        continue;
      }
      List<KerasVariables.Slot> slots = KerasVariables.of(cls).orElseThrow(() ->
          new IllegalArgumentException(where + ": layer " + name + " (" + cls + ") has "
              + vars.getChildren().size() + " arrays at " + path + "/vars, but the order of a "
              + cls + "'s variables is not known; only its layers' classes "
              + "with variables in KerasVariables can be read"))
          .stream()
          .filter(s -> s.presentUnless() == null || cfg.path(s.presentUnless()).asBoolean(true))
          .toList();
      if (slots.size() != vars.getChildren().size()) {
        throw new IllegalArgumentException(where + ": layer " + name + " (" + cls + ") has "
            + vars.getChildren().size() + " arrays at " + path + "/vars, its config says "
            + slots.stream().map(KerasVariables.Slot::name).toList() + "; the file does not fit"
            + " its config.json");
      }
      for (int i = 0; i < slots.size(); i++) {
        Node array = vars.getChild(Integer.toString(i));
        if (!(array instanceof Dataset dataset)) {
          throw new IllegalArgumentException(
              where + ": " + path + "/vars/" + i + " (layer " + name + ") is missing");
        }
        String key = name + "/" + slots.get(i).name();
        out.put(key, H5Values.weight(key, dataset));
      }
    }
  }

  private static String numbered(String base, Map<String, Integer> used) {
    Integer n = used.get(base);
    used.put(base, n == null ? 0 : n + 1);
    return n == null ? base : base + "_" + (n + 1);
  }

  /** Keras's {@code naming.to_snake_case}: {@code ReLU} is {@code re_lu}. */
  static String snakeCase(String className) {
    String s = className.replaceAll("\\W+", "");
    s = s.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
    return s.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }
}
