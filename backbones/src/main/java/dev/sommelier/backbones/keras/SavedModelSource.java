package dev.sommelier.backbones.keras;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sommelier.core.Tensors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * A Keras model saved by TF 2.x as a SavedModel directory ({@code model.save(dir)}): the layer list
 * and training config from {@link KerasMetadata}, the arrays from the main graph's variables
 * ({@link KerasWeights}), and {@code serving_default} to verify against. The SavedModel itself is
 * loaded on first use of its weights or reference, so reading the layer list stays cheap.
 */
final class SavedModelSource implements KerasModelSource {

  private static final Logger LOG = LoggerFactory.getLogger(SavedModelSource.class);

  private final Path path;
  private final JsonNode root;
  private final List<KerasLayer> layers;
  private SavedModelBundle bundle;
  private Map<String, KerasWeight> weights;

  SavedModelSource(Path path) {
    this.path = path;
    this.root = KerasMetadata.rootMetadata(path);
    this.layers = List.copyOf(KerasModelConfig.layers(root, path));
  }

  @Override
  public Path path() {
    return path;
  }

  @Override
  public String format() {
    return "TF2 SavedModel";
  }

  @Override
  public Optional<List<KerasLayer>> layers() {
    return Optional.of(layers);
  }

  @Override
  public List<String> layerNames() {
    return layers.stream().map(KerasLayer::name).toList();
  }

  /**
   * The variables of the model's layers, named {@code layer/weight} by the last two parts of the
   * variable's name; variables of no layer (optimizer slots, metrics) are left out.
   */
  @Override
  public Map<String, KerasWeight> weights() {
    if (weights != null) {
      return weights;
    }
    Set<String> layerNames = new HashSet<>(layerNames());
    Map<String, KerasWeight> out = new LinkedHashMap<>();
    List<String> leftOut = new ArrayList<>();
    try (KerasWeights saved = KerasWeights.read(bundle())) {
      for (Map.Entry<String, TFloat32> e : saved.values().entrySet()) {
        String[] parts = e.getKey().split("/");
        if (parts.length < 2 || !layerNames.contains(parts[parts.length - 2])) {
          leftOut.add(e.getKey());
          continue;
        }
        String name = parts[parts.length - 2] + "/" + parts[parts.length - 1];
        TFloat32 t = e.getValue();
        KerasWeight clash = out.put(
            name, new KerasWeight(name, Shape.of(t.shape().asArray()), Tensors.values(t)));
        if (clash != null) {
          throw new IllegalArgumentException(
              path + ": two variables are named " + name + " (" + e.getKey() + " and another);"
                  + " the importer matches weights by name and cannot tell them apart");
        }
      }
    }
    if (!leftOut.isEmpty()) {
      LOG.info("{}: left out {} variables of no model layer (optimizer state): {}",
          path, leftOut.size(), leftOut);
    }
    weights = out;
    return weights;
  }

  @Override
  public Optional<JsonNode> trainingConfig() {
    JsonNode training = root.path("training_config");
    return training.isObject() ? Optional.of(training) : Optional.empty();
  }

  @Override
  public Optional<ReferenceModel> reference() {
    return Optional.of(new ServingDefault(bundle(), path));
  }

  private SavedModelBundle bundle() {
    if (bundle == null) {
      bundle = SavedModelBundle.load(path.toString(), "serve");
    }
    return bundle;
  }

  @Override
  public void close() {
    if (bundle != null) {
      bundle.close();
    }
  }
}
