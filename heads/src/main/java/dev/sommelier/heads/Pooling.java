package dev.sommelier.heads;

import dev.sommelier.core.layers.LayerGraph;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** How a head turns a feature map into a vector: Keras {@code Flatten} or global average pooling. */
public enum Pooling {
  FLATTEN,
  GAP;

  /** Builds the pooling layer under its Keras default name. */
  Operand<TFloat32> build(LayerGraph g, Operand<TFloat32> features) {
    return this == FLATTEN
        ? g.flatten("flatten", features)
        : g.globalAveragePooling("global_average_pooling2d", features);
  }
}
