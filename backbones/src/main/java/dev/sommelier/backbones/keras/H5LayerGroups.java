package dev.sommelier.backbones.keras;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Reads the weights of a Keras 2 HDF5 layout, as {@code save_weights} writes it at the file's root
 * and {@code model.save("m.h5")} under {@code model_weights}: the group's {@code layer_names}
 * attribute lists the layers; each layer's group lists its arrays in {@code weight_names}
 * ({@code conv1/kernel:0}), stored at that path inside the layer's group. A nested model's group
 * holds the arrays of all its layers ({@code mobilenet_1.00_224/conv1/kernel:0}).
 */
final class H5LayerGroups {

  private static final Pattern OUTPUT_INDEX = Pattern.compile(":\\d+$");

  private H5LayerGroups() {}

  /** The {@code layer_names} of {@code group}, in model order. */
  static List<String> layerNames(Group group) {
    return H5Values.texts(group, "layer_names");
  }

  /**
   * Every array of the layers of {@code group}, by Keras name.
   *
   * @param isModel whether a layer is a nested model, whose arrays are named by their own layer
   *     ({@code conv1/kernel}); a plain layer's arrays are named by its group, which also covers
   *     variable names TensorFlow made unique ({@code conv1_1/kernel:0} in group {@code conv1})
   * @throws IllegalArgumentException when a listed array is missing or two arrays share a name
   */
  static Map<String, KerasWeight> read(Group group, Path file, Predicate<String> isModel) {
    Map<String, KerasWeight> out = new LinkedHashMap<>();
    for (String layer : layerNames(group)) {
      if (!(H5Values.find(group, layer) instanceof Group layerGroup)) {
        continue;
      }
      for (String saved : H5Values.texts(layerGroup, "weight_names")) {
        Node array = H5Values.find(layerGroup, saved);
        if (!(array instanceof Dataset dataset)) {
          throw new IllegalArgumentException(
              file + ": layer " + layer + " lists the weight " + saved + " but holds no array"
                  + " at " + layerGroup.getPath() + saved + "; the file is damaged");
        }
        String name = kerasName(layer, saved, isModel.test(layer));
        KerasWeight clash = out.put(name, H5Values.weight(name, dataset));
        if (clash != null) {
          throw new IllegalArgumentException(
              file + ": two arrays are named " + name + " (one of them in layer " + layer
                  + "); the importer matches weights by name and cannot tell them apart");
        }
      }
    }
    return out;
  }

  /** True when the arrays of a layer group belong to more than one layer (a nested model). */
  static boolean holdsSeveralLayers(Group group, String layer) {
    if (!(H5Values.find(group, layer) instanceof Group layerGroup)) {
      return false;
    }
    return H5Values.texts(layerGroup, "weight_names").stream()
            .map(w -> w.contains("/") ? w.substring(0, w.indexOf('/')) : "")
            .distinct()
            .count()
        > 1;
  }

  private static String kerasName(String layer, String saved, boolean nestedModel) {
    String[] parts = OUTPUT_INDEX.matcher(saved).replaceFirst("").split("/");
    String weight = parts[parts.length - 1];
    return nestedModel && parts.length >= 2
        ? parts[parts.length - 2] + "/" + weight : layer + "/" + weight;
  }
}
