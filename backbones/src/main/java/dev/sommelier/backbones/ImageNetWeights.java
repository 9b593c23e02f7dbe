package dev.sommelier.backbones;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a backbone's ImageNet weights: the Keras weight files named by its provider's {@link
 * BackboneProvider#imageNetFiles}, taken first from this jar (which carries the official {@code
 * mobilenet_2_5_224_tf_no_top.h5}, so {@code mobilenet_v1:alpha=0.25} always has weights; see the
 * README beside it), then from Keras's own download cache, {@code $KERAS_HOME/models/} or {@code
 * ~/.keras/models/}. A built-in file is copied once per process to a temporary file, deleted at
 * exit, since weight readers take a path.
 *
 * <pre>{@code
 * Path h5 = ImageNetWeights.locate(backbone.spec(), BackboneRegistry.load());
 * }</pre>
 */
public final class ImageNetWeights {

  /** Where the built-in weight files are, as class-path resources. */
  static final String RESOURCES = "/dev/sommelier/backbones/imagenet/";

  private static final Logger LOG = LoggerFactory.getLogger(ImageNetWeights.class);
  private static final Map<String, Path> COPIED = new ConcurrentHashMap<>();

  private ImageNetWeights() {}

  /**
   * The ImageNet weight file of {@code spec}: built in, or in Keras's cache under {@link
   * #kerasHome()}.
   *
   * @throws IllegalArgumentException when the backbone has no ImageNet weights, or none of its
   *     files is here: the message lists the places looked in and the Python line that downloads
   *     them
   */
  public static Path locate(BackboneSpec spec, BackboneRegistry registry) {
    return locate(spec, registry, kerasHome());
  }

  /**
   * The ImageNet weight file of {@code spec}: a built-in one, else the first of its Keras files
   * found in {@code kerasHome/models}.
   *
   * @throws IllegalArgumentException as {@link #locate(BackboneSpec, BackboneRegistry)}
   */
  public static Path locate(BackboneSpec spec, BackboneRegistry registry, Path kerasHome) {
    KerasImageNetFiles files = registry.get(spec.name())
        .imageNetFiles(spec.inputSize(), spec.options())
        .orElseThrow(() -> new IllegalArgumentException(spec.qualifiedName()
            + " has no ImageNet weights; they exist for " + withImageNetWeights(registry)
            + "; start from a weights file instead, or from none"));
    for (String name : files.names()) {
      if (ImageNetWeights.class.getResource(RESOURCES + name) != null) {
        Path p = COPIED.computeIfAbsent(name, ImageNetWeights::copyBuiltIn);
        LOG.info("ImageNet weights of {}: {} (built in)", spec.qualifiedName(), name);
        return p;
      }
    }
    Path models = kerasHome.resolve("models");
    List<Path> tried = new ArrayList<>();
    for (String name : files.names()) {
      Path p = models.resolve(name);
      if (Files.isRegularFile(p)) {
        LOG.info("ImageNet weights of {}: {}", spec.qualifiedName(), p);
        return p;
      }
      tried.add(p);
    }
    throw new IllegalArgumentException("no ImageNet weights for " + spec.qualifiedName()
        + " in Keras's cache: looked for " + tried + "; download them once with"
        + " python -c 'import tensorflow as tf; " + files.download() + "'"
        + " (Keras saves them there; KERAS_HOME moves the cache), or give a weights file");
  }

  /** Keras's folder: {@code $KERAS_HOME}, or {@code ~/.keras} when it is unset. */
  public static Path kerasHome() {
    String env = System.getenv("KERAS_HOME");
    return env != null && !env.isBlank() ? Path.of(env)
        : Path.of(System.getProperty("user.home"), ".keras");
  }

  private static String withImageNetWeights(BackboneRegistry registry) {
    List<String> names = new ArrayList<>();
    for (BackboneProvider p : registry.providers()) {
      if (p.imageNetFiles(p.defaultInputSize(), Map.of()).isPresent()) {
        names.add(p.name());
      }
    }
    return names.isEmpty() ? "no registered backbone" : String.join(", ", names);
  }

  private static Path copyBuiltIn(String name) {
    try (InputStream in = ImageNetWeights.class.getResourceAsStream(RESOURCES + name)) {
      Path dir = Files.createTempDirectory("sommelier-imagenet-");
      dir.toFile().deleteOnExit();
      Path file = dir.resolve(name);
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the built-in " + name + " to a temporary file: "
          + e.getMessage(), e);
    }
  }
}
