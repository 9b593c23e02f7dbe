package dev.sommelier.core.layers;

/** Convolution and pooling padding, as Keras and TensorFlow define it. */
public enum Padding {
  SAME,
  VALID;

  /** Parses Keras's {@code "same"} / {@code "valid"}. */
  public static Padding parse(String keras) {
    return valueOf(keras.trim().toUpperCase(java.util.Locale.ROOT));
  }
}
