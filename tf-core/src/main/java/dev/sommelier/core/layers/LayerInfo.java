package dev.sommelier.core.layers;

import java.util.Arrays;

/**
 * One built layer as Keras's {@code model.summary()} shows it, plus the arithmetic it costs.
 *
 * @param name Keras layer name
 * @param type Keras layer class ({@code Conv2D}, {@code BatchNormalization}, ...)
 * @param outputShape output shape without the batch axis
 * @param parameters number of scalars in the layer's variables
 * @param trainableParameters the part of {@code parameters} that gradients may update
 * @param flops floating-point operations per image for the forward pass, counting a
 *     multiply-add as two (convolutions and dense layers only, the usual convention)
 */
public record LayerInfo(
    String name, String type, long[] outputShape, long parameters, long trainableParameters, long flops) {

  /** Keras-style shape text, {@code (None, 7, 7, 2048)}. */
  public String shapeText() {
    StringBuilder b = new StringBuilder("(None");
    Arrays.stream(outputShape).forEach(d -> b.append(", ").append(d < 0 ? "None" : Long.toString(d)));
    return b.append(')').toString();
  }
}
