package dev.sommelier.tasks.data;

import java.nio.file.Path;

/**
 * How a sample's image is loaded: called on the pipeline's worker threads, possibly concurrently
 * for different samples, so an implementation must not share mutable state.
 */
@FunctionalInterface
public interface ImageSource {

  /** Decodes the image. */
  RgbImage load() throws ImageDecodeException;

  /** An image file, decoded with {@link ImageDecoder#decode(Path)}. */
  static ImageSource file(Path path) {
    return () -> ImageDecoder.decode(path);
  }
}
