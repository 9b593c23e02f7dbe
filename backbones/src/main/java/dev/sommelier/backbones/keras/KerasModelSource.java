package dev.sommelier.backbones.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A saved Keras model or weight file, whatever its format: its layer list when the file has one,
 * its arrays under Keras names, how it was compiled, and, when the format allows, the saved model
 * itself to check a rebuild against. Open one with {@link KerasModelSources#open}; close it to free
 * what it holds (a loaded SavedModel, temporary files).
 */
public interface KerasModelSource extends AutoCloseable {

  /** The file or directory this source reads. */
  Path path();

  /** The format, for messages: {@code Keras HDF5 weights (save_weights)}. */
  String format();

  /**
   * The model's layers in model order, nested models flattened (see {@link KerasLayer#inbound}),
   * or empty for a file of weights only.
   */
  Optional<List<KerasLayer>> layers();

  /**
   * The names of the model's layers in model order: those of {@link #layers()}, or for a file of
   * weights only the layer names it records.
   */
  List<String> layerNames();

  /**
   * Every float array of the model's layers by Keras name ({@code conv1_bn/moving_mean}), in file
   * order; read on first use. Integer arrays (a Normalization layer's {@code count}) are included
   * as floats. Optimizer state is not.
   *
   * @throws IllegalArgumentException when two arrays have one name, naming both
   */
  Map<String, KerasWeight> weights();

  /**
   * The saved compile settings ({@code {"loss": ..., "optimizer_config": ...}} for Keras 2,
   * {@code compile_config} for Keras 3), or empty when the model was saved uncompiled.
   */
  Optional<JsonNode> trainingConfig();

  /** The saved model to verify a rebuild against, when the format can be run as saved. */
  Optional<ReferenceModel> reference();

  @Override
  void close();
}
