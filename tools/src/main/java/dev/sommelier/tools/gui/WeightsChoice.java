package dev.sommelier.tools.gui;

/** The form's choices of where a backbone starts, as the combo box lists them. */
enum WeightsChoice {
  /** Seeded random weights. */
  NONE("None (random weights)"),
  /** The backbone's ImageNet weights: built in for MobileNetV1 0.25, else Keras's cache. */
  IMAGENET("ImageNet (built in for mobilenet_v1:alpha=0.25)"),
  /** A Keras weights file or SavedModel folder chosen in the field beside. */
  FILE("Weights file…");

  private final String label;

  WeightsChoice(String label) {
    this.label = label;
  }

  /** The choice whose {@link #weights} text is {@code text}: none, imagenet, else a file. */
  static WeightsChoice of(String text) {
    String t = text.strip();
    return t.equalsIgnoreCase("none") ? NONE : t.equalsIgnoreCase("imagenet") ? IMAGENET : FILE;
  }

  /** The {@link TrainForm#weights} text: {@code none}, {@code imagenet} or the file as typed. */
  String weights(String file) {
    return switch (this) {
      case NONE -> "none";
      case IMAGENET -> "imagenet";
      case FILE -> file;
    };
  }

  @Override
  public String toString() {
    return label;
  }
}
