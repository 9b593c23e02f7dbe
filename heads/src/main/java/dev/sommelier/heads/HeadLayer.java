package dev.sommelier.heads;

/**
 * One Keras layer a head builds, as a Keras model of the same head names it: {@code flatten},
 * {@code dense}, {@code dropout_1}, {@code predictions}, ... The Keras converter maps a Keras top's
 * layers onto these names.
 *
 * @param name the layer's name in the graph
 * @param kind what the layer is
 */
public record HeadLayer(String name, Kind kind) {

  /** The kinds of layer a head is made of, each with its Keras class. */
  public enum Kind {
    FLATTEN("Flatten"),
    GLOBAL_AVERAGE_POOLING("GlobalAveragePooling2D"),
    DROPOUT("Dropout"),
    DENSE("Dense");

    private final String kerasClass;

    Kind(String kerasClass) {
      this.kerasClass = kerasClass;
    }

    /** The Keras layer class, as a model summary shows it: {@code Dense}, {@code Dropout}, ... */
    public String kerasClass() {
      return kerasClass;
    }
  }
}
