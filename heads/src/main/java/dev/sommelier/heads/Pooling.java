package dev.sommelier.heads;

/** How a head turns a feature map into a vector: Keras {@code Flatten} or global average pooling. */
public enum Pooling {
  FLATTEN,
  GAP;

  /** The pooling layer under its Keras default name. */
  HeadLayer layer() {
    return this == FLATTEN
        ? new HeadLayer("flatten", HeadLayer.Kind.FLATTEN)
        : new HeadLayer("global_average_pooling2d", HeadLayer.Kind.GLOBAL_AVERAGE_POOLING);
  }
}
