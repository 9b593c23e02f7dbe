package dev.sommelier.backbones.keras;

import dev.sommelier.backbones.Backbone;
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
 * @param input the image input, {@code [batch, size, size, 3]}, preprocessed as the backbone says
 * @param output the model's output (the last layer)
 * @param top the Keras layers after the backbone, in order
 * @param importedVariables how many variables were set from the SavedModel
 * @param ignoredVariables SavedModel variables that belong to no model layer (optimizer state)
 */
public record ImportedModel(
    Backbone backbone,
    LayerGraph graph,
    Placeholder<TFloat32> input,
    Operand<TFloat32> output,
    List<KerasLayer> top,
    int importedVariables,
    List<String> ignoredVariables) {}
