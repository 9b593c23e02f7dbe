package dev.sommelier.backbones.keras;

import java.util.List;

/**
 * What {@code verify-import} measured.
 *
 * @param savedModel the SavedModel directory
 * @param backbone recognised backbone with options
 * @param inputSize square input size
 * @param topLayers the Keras layers after the backbone, as {@code name (Class)}
 * @param images how many test images were run
 * @param outputShape shape of the compared output
 * @param importedVariables variables set from the SavedModel
 * @param parameters scalars in the rebuilt model
 * @param maxAbsDifference largest |rebuilt - SavedModel| over all outputs
 * @param maxAbsOutput largest |SavedModel output|, to put the difference in scale
 * @param outputsDifferAcrossImages true when the images give different outputs (the check is
 *     meaningless for a model that ignores its input)
 */
public record ImportVerification(
    String savedModel,
    String backbone,
    int inputSize,
    List<String> topLayers,
    int images,
    List<Long> outputShape,
    int importedVariables,
    long parameters,
    double maxAbsDifference,
    double maxAbsOutput,
    boolean outputsDifferAcrossImages) {}
