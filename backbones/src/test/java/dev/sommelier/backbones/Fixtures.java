package dev.sommelier.backbones;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository's {@code fixtures} folder (set by Maven as a system property). */
public final class Fixtures {

  private Fixtures() {}

  /**
   * The official Keras ImageNet weights of MobileNet 0.25 224 without top (Keras 2.0.4
   * {@code save_weights}), a resource of the backbones module.
   */
  public static Path officialMobileNet025() {
    try {
      return Path.of(Fixtures.class.getResource(
          "/dev/sommelier/backbones/imagenet/mobilenet_2_5_224_tf_no_top.h5").toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The shared Keras MobileNet 1.0 224 SavedModel. */
  public static Path kerasMobileNet() {
    String root = System.getProperty("sommelier.fixtures", "../fixtures");
    Path p = Path.of(root, "keras-mobilenet-1.0-224").toAbsolutePath().normalize();
    if (!Files.isRegularFile(p.resolve("saved_model.pb"))) {
      throw new IllegalStateException(
          "fixture not found at " + p + "; run the tests from the repository root (mvn test)");
    }
    return p;
  }
}
