package dev.sommelier.backbones.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.jhdf.HdfFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Keras 2 weights file ({@code model.save_weights("w.h5")}, and the official Keras application
 * files in {@code ~/.keras/models}, Keras 2.0 to 2.15): layer names and arrays, no model config.
 * The backbone is recognised from the layer names and the arrays' shapes.
 */
final class H5WeightsSource implements KerasModelSource {

  private final Path path;
  private final HdfFile file;
  private final List<String> layerNames;
  private Map<String, KerasWeight> weights;

  H5WeightsSource(Path path, HdfFile file) {
    this.path = path;
    this.file = file;
    this.layerNames = List.copyOf(H5LayerGroups.layerNames(file));
  }

  @Override
  public Path path() {
    return path;
  }

  @Override
  public String format() {
    return "Keras HDF5 weights (save_weights"
        + H5Values.text(file, "keras_version").map(v -> ", Keras " + v).orElse("") + ")";
  }

  @Override
  public Optional<List<KerasLayer>> layers() {
    return Optional.empty();
  }

  @Override
  public List<String> layerNames() {
    return layerNames;
  }

  @Override
  public Map<String, KerasWeight> weights() {
    if (weights == null) {
      weights = H5LayerGroups.read(
          file, path, layer -> H5LayerGroups.holdsSeveralLayers(file, layer));
    }
    return weights;
  }

  @Override
  public Optional<JsonNode> trainingConfig() {
    return Optional.empty();
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
