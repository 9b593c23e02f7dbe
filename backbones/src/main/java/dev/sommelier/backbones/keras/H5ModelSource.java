package dev.sommelier.backbones.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.jhdf.HdfFile;
import io.jhdf.api.Group;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole Keras 2 model in one HDF5 file ({@code model.save("m.h5")}): the root attribute
 * {@code model_config} (JSON) describes the layers, {@code model_weights} holds their arrays in the
 * layout {@link H5LayerGroups} reads, and {@code training_config} says how it was compiled.
 */
final class H5ModelSource implements KerasModelSource {

  private final Path path;
  private final HdfFile file;
  private final JsonNode root;
  private final List<KerasLayer> layers;
  private Map<String, KerasWeight> weights;

  H5ModelSource(Path path, HdfFile file, JsonNode root) {
    this.path = path;
    this.file = file;
    this.root = root;
    this.layers = List.copyOf(KerasModelConfig.layers(root, path));
  }

  @Override
  public Path path() {
    return path;
  }

  @Override
  public String format() {
    return "Keras HDF5 model (model.save"
        + H5Values.text(file, "keras_version").map(v -> ", Keras " + v).orElse("") + ")";
  }

  @Override
  public Optional<List<KerasLayer>> layers() {
    return Optional.of(layers);
  }

  @Override
  public List<String> layerNames() {
    return layers.stream().map(KerasLayer::name).toList();
  }

  @Override
  public Map<String, KerasWeight> weights() {
    if (weights == null) {
      if (!(file.getChild("model_weights") instanceof Group group)) {
        throw new IllegalArgumentException(
            path + " has a model_config but no model_weights group; save the model with"
                + " model.save(\"m.h5\") after building it");
      }
      weights = H5LayerGroups.read(group, path, KerasModelConfig.nestedModels(root)::contains);
    }
    return weights;
  }

  @Override
  public Optional<JsonNode> trainingConfig() {
    return H5Values.text(file, "training_config").map(json -> KerasJson.parse(json, path));
  }

  @Override
  public Optional<ReferenceModel> reference() {
    return Optional.empty();
  }

  @Override
  public void close() {
    file.close();
  }
}
