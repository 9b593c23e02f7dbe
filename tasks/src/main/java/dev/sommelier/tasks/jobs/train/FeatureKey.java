package dev.sommelier.tasks.jobs.train;

import dev.sommelier.backbones.Preprocessing;
import dev.sommelier.tasks.data.DataSet;
import dev.sommelier.tasks.data.Sample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names what a training run's backbone features depend on, for a {@link
 * dev.sommelier.tasks.train.FeatureStore}: the backbone with its options, the input size, the
 * preprocessing, where the weights start (a weights file by path, size and modification time;
 * seeded random weights by seed), and the training images with their labels, in order (so the
 * split and the task). Readable head, hashed tail: {@code mobilenet_v1-alpha-0.25-96-1f0c...}.
 */
final class FeatureKey {

  private static final int HASH_CHARS = 24;

  private FeatureKey() {}

  /**
   * The key of the features of {@code train} in a run of {@code s}.
   *
   * @param weights the weights file the backbone starts from, or null for seeded random weights
   * @param preprocessing what the model applies to pixels
   */
  static String of(TrainSettings s, Path weights, Preprocessing preprocessing, DataSet train) {
    StringBuilder d = new StringBuilder()
        .append("backbone=").append(s.backbone())
        .append("\ninputSize=").append(s.inputSize())
        .append("\nprecision=").append(s.precision().key())
        .append("\npreprocessing=").append(preprocessing)
        .append("\nweights=").append(weights == null ? "none, seed " + s.seed() : file(weights))
        .append("\ntask=").append(s.task());
    for (Sample sample : train.samples()) {
      d.append('\n').append(sample.id()).append(',').append(sample.classIndex()).append(',')
          .append(sample.value());
    }
    String head = (s.backbone() + "-" + s.inputSize()).replaceAll("[^A-Za-z0-9_.-]+", "-");
    return head + "-" + sha256(d.toString()).substring(0, HASH_CHARS);
  }

  private static String file(Path weights) {
    try {
      Path p = weights.toAbsolutePath().normalize();
      return p + ", " + Files.size(p) + " bytes, modified " + Files.getLastModifiedTime(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the weights file " + weights + ": "
          + e.getMessage(), e);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
