package dev.sommelier.tasks.jobs.train;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.backbones.BackboneSpec;
import dev.sommelier.backbones.ImageNetWeights;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a backbone's weights start: seeded random weights ({@code none}), the backbone's ImageNet
 * weights ({@code imagenet}: built in for {@code mobilenet_v1:alpha=0.25}, otherwise from Keras's
 * download cache, see {@link ImageNetWeights}), or a Keras weights file of the same backbone.
 */
public sealed interface InitialWeights {

  /** Seeded random weights. */
  InitialWeights NONE = new Random();
  /** The backbone's ImageNet weights. */
  InitialWeights IMAGENET = new ImageNet();

  /** A Keras model or weight file (.h5, .keras, SavedModel folder) of the same backbone. */
  static InitialWeights file(Path path) {
    return new File(path);
  }

  /**
   * {@code none}, {@code imagenet} (in any case) or the path of a weights file; write {@code
   * ./imagenet} for a file of that name.
   *
   * @throws IllegalArgumentException for blank text
   */
  static InitialWeights parse(String text) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      throw new IllegalArgumentException("weights must be none, imagenet or a weights file");
    }
    if (t.equalsIgnoreCase("none")) {
      return NONE;
    }
    return t.equalsIgnoreCase("imagenet") ? IMAGENET : new File(Path.of(t));
  }

  /**
   * The file to import into a backbone of {@code spec}, or empty for random weights.
   *
   * @throws IllegalArgumentException when {@code imagenet} finds no weights for the backbone
   */
  Optional<Path> locate(BackboneSpec spec, BackboneRegistry registry);

  /** Seeded random weights, written {@code none}. */
  record Random() implements InitialWeights {
    @Override
    public Optional<Path> locate(BackboneSpec spec, BackboneRegistry registry) {
      return Optional.empty();
    }

    @Override
    public String toString() {
      return "none";
    }
  }

  /** The backbone's ImageNet weights, written {@code imagenet}. */
  record ImageNet() implements InitialWeights {
    @Override
    public Optional<Path> locate(BackboneSpec spec, BackboneRegistry registry) {
      return Optional.of(ImageNetWeights.locate(spec, registry));
    }

    @Override
    public String toString() {
      return "imagenet";
    }
  }

  /**
   * A weights file, written as its path.
   *
   * @param path a Keras model or weight file (.h5, .keras, SavedModel folder) of the same backbone
   */
  record File(Path path) implements InitialWeights {
    /** Checks that there is a path. */
    public File {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public Optional<Path> locate(BackboneSpec spec, BackboneRegistry registry) {
      return Optional.of(path);
    }

    @Override
    public String toString() {
      return path.toString();
    }
  }
}
