package dev.sommelier.backbones.keras;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What {@code verify-import} measured.
 *
 * @param source the Keras file or directory
 * @param format its format
 * @param backbone recognised backbone with options
 * @param inputSize square input size
 * @param preprocessing how input pixels are preprocessed (the model's own layers, or the
 *     backbone's)
 * @param preprocessingLayers the Keras layers before the backbone, as {@code name (Class)}
 * @param topLayers the Keras layers after the backbone, as {@code name (Class)}
 * @param images how many test images were run
 * @param outputShape shape of the rebuilt output
 * @param importedVariables variables set from the source
 * @param parameters scalars in the rebuilt model
 * @param ignoredWeights saved arrays of layers that were not rebuilt
 * @param reference what the rebuilt model was compared with ({@code serving_default of DIR}), or
 *     null when the format holds nothing TensorFlow can run as saved
 * @param maxAbsDifference largest |rebuilt - reference| over all outputs, or null without a
 *     reference
 * @param maxAbsOutput largest |rebuilt output|, to put the difference in scale
 * @param outputsDifferAcrossImages true when the images give different outputs (the check is
 *     meaningless for a model that ignores its input)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ImportVerification(
    String source,
    String format,
    String backbone,
    int inputSize,
    String preprocessing,
    List<String> preprocessingLayers,
    List<String> topLayers,
    int images,
    List<Long> outputShape,
    int importedVariables,
    long parameters,
    int ignoredWeights,
    String reference,
    Double maxAbsDifference,
    double maxAbsOutput,
    boolean outputsDifferAcrossImages) {

  /** True when the rebuilt model was run against the saved one. */
  public boolean compared() {
    return reference != null;
  }
}
