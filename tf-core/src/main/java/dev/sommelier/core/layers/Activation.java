package dev.sommelier.core.layers;

import java.util.Locale;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The activations Keras layers use here, by their Keras names. */
public enum Activation {
  LINEAR,
  RELU,
  RELU6,
  SIGMOID,
  SOFTMAX;

  /**
   * Parses a Keras activation name ({@code linear}, {@code relu}, {@code sigmoid}, {@code softmax}).
   *
   * @throws IllegalArgumentException naming the supported ones
   */
  public static Activation parse(String keras) {
    try {
      return valueOf(keras.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unsupported Keras activation '" + keras + "' (supported: linear, relu, relu6, sigmoid,"
              + " softmax)");
    }
  }

  /**
   * Applies the activation in scope {@code tf}; linear gives an Identity op, so every layer has an
   * output of its own (a layer output is never the graph's input placeholder itself).
   */
  public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
    return switch (this) {
      case LINEAR -> tf.identity(x);
      case RELU -> tf.nn.relu(x);
      case RELU6 -> tf.nn.relu6(x);
      case SIGMOID -> tf.math.sigmoid(x);
      case SOFTMAX -> tf.nn.softmax(x);
    };
  }

  /** Keras's lower-case name. */
  public String kerasName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
