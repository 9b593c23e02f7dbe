package dev.sommelier.backbones.keras;

import org.tensorflow.ndarray.Shape;

/**
 * One saved array of a Keras model under its Keras name.
 *
 * @param name {@code layer/weight}, e.g. {@code conv1_bn/moving_mean}
 * @param shape the array's shape
 * @param values the values, row-major ({@code shape.size()} of them)
 */
public record KerasWeight(String name, Shape shape, float[] values) {

  public KerasWeight {
    if (shape.size() != values.length) {
      throw new IllegalArgumentException(
          name + ": shape " + shape + " holds " + shape.size() + " values, got " + values.length);
    }
  }

  /** The layer part of the name: {@code conv1_bn}. */
  public String layer() {
    return name.substring(0, name.lastIndexOf('/'));
  }

  /** The weight part of the name: {@code moving_mean}. */
  public String weight() {
    return name.substring(name.lastIndexOf('/') + 1);
  }
}
