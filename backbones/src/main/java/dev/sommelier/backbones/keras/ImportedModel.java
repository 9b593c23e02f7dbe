package dev.sommelier.backbones.keras;

import dev.sommelier.backbones.Backbone;
import dev.sommelier.backbones.Preprocessing;
import dev.sommelier.core.layers.LayerGraph;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * A Keras model rebuilt in a TF-Java graph with its weights imported.
 *
 * @param backbone the recognised backbone
 * @param graph the inference tower; every Keras layer is reachable by name
 * @param input the image input, {@code [batch, size, size, 3]}, preprocessed as {@link
 *     #preprocessing()} says
 * @param output the model's output (the last layer)
 * @param top the Keras layers after the backbone, in order
 * @param preprocessingLayers the Keras layers between the input and the backbone, done outside
 *     the graph
 * @param importedVariables how many variables were set from the source
 * @param ignoredWeights saved arrays of layers that were not rebuilt (the top of a weight file,
 *     which a weight file cannot describe)
 */
public record ImportedModel(
    Backbone backbone,
    LayerGraph graph,
    Placeholder<TFloat32> input,
    Operand<TFloat32> output,
    List<KerasLayer> top,
    PreprocessingChain preprocessingLayers,
    int importedVariables,
    List<String> ignoredWeights) {

  /**
   * How to preprocess [0, 255] RGB pixels for {@link #input()}: the model's own preprocessing
   * layers, or else its backbone's default.
   */
  public Preprocessing preprocessing() {
    return preprocessingLayers.transform().orElse(backbone.spec().preprocessing());
  }
}
