package dev.sommelier.backbones;

import java.util.List;

/**
 * Where Keras keeps an architecture's ImageNet weights without the top: the file names that {@code
 * tf.keras.applications} downloads into {@code ~/.keras/models/} (any one of them starts the
 * backbone; the first is preferred), and the line of Python that downloads one.
 *
 * @param names Keras's own file names, most preferred first
 * @param download a Python statement that makes Keras download the first file
 */
public record KerasImageNetFiles(List<String> names, String download) {

  /** Checks that there is at least one name. */
  public KerasImageNetFiles {
    names = List.copyOf(names);
    if (names.isEmpty()) {
      throw new IllegalArgumentException("no Keras file names for the ImageNet weights");
    }
  }
}
