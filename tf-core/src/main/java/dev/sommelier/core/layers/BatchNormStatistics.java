package dev.sommelier.core.layers;

import dev.sommelier.core.ModelVariable;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A batch-norm layer of a training tower that normalises with batch statistics: what its fused op
 * computes over each batch, and the moving-statistics variables the inference tower reads.
 *
 * @param layer the Keras layer name ({@code conv1_bn})
 * @param batchMean the batch's mean per channel
 * @param batchVariance the batch's unbiased (Bessel-corrected) variance per channel
 * @param positions values per channel of one image (height x width of the layer's input), or -1
 *     when the input's spatial size is not known when the graph is built
 * @param movingMean {@code <layer>/moving_mean}
 * @param movingVariance {@code <layer>/moving_variance}
 */
public record BatchNormStatistics(
    String layer,
    Operand<TFloat32> batchMean,
    Operand<TFloat32> batchVariance,
    long positions,
    ModelVariable movingMean,
    ModelVariable movingVariance) {}
