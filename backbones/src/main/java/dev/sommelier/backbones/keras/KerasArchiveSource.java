package dev.sommelier.backbones.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.jhdf.HdfFile;
import io.jhdf.exceptions.HdfException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A Keras 3 archive ({@code model.save("m.keras")}): a zip of {@code config.json} (the model and
 * its {@code compile_config}), {@code metadata.json} and {@code model.weights.h5}, whose arrays
 * {@link KerasArchiveWeights} names. The weights file is extracted to a temporary file to be read,
 * and deleted right after.
 */
final class KerasArchiveSource implements KerasModelSource {

  static final String CONFIG = "config.json";
  static final String WEIGHTS = "model.weights.h5";
  private static final String METADATA = "metadata.json";

  private final Path path;
  private final ZipFile zip;
  private final JsonNode root;
  private final List<KerasLayer> layers;
  private Map<String, KerasWeight> weights;

  KerasArchiveSource(Path path, ZipFile zip) {
    this.path = path;
    this.zip = zip;
    this.root = KerasJson.parse(entry(CONFIG), path);
    this.layers = List.copyOf(KerasModelConfig.layers(root, path));
  }

  @Override
  public Path path() {
    return path;
  }

  @Override
  public String format() {
    String version = zip.getEntry(METADATA) == null ? ""
        : KerasJson.parse(entry(METADATA), path).path("keras_version").asText("");
    return "Keras 3 archive (.keras" + (version.isEmpty() ? "" : ", Keras " + version) + ")";
  }

  @Override
  public Optional<List<KerasLayer>> layers() {
    return Optional.of(layers);
  }

  @Override
  public List<String> layerNames() {
    return layers.stream().map(KerasLayer::name).toList();
  }

  @Override
  public Map<String, KerasWeight> weights() {
    if (weights == null) {
      weights = readWeights();
    }
    return weights;
  }

  private Map<String, KerasWeight> readWeights() {
    ZipEntry entry = zip.getEntry(WEIGHTS);
    Path tmp = null;
    try {
      tmp = Files.createTempFile("sommelier-keras-", ".weights.h5");
      try (InputStream in = zip.getInputStream(entry)) {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      }
      try (HdfFile h5 = new HdfFile(tmp)) {
        return KerasArchiveWeights.read(h5, root, path);
      }
    } catch (HdfException e) {
      throw new IllegalArgumentException(
          "cannot read " + WEIGHTS + " in " + path + " (" + e.getMessage() + "); is it complete?",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read " + WEIGHTS + " of " + path + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(tmp);
    }
  }

  private static void deleteQuietly(Path tmp) {
    if (tmp == null) {
      return;
    }
    try {
      Files.deleteIfExists(tmp);
    } catch (IOException e) {
      tmp.toFile().deleteOnExit();
    }
  }

  @Override
  public Optional<JsonNode> trainingConfig() {
    JsonNode compile = root.path("compile_config");
    return compile.isObject() ? Optional.of(compile) : Optional.empty();
  }

  @Override
  public Optional<ReferenceModel> reference() {
    return Optional.empty();
  }

  @Override
  public void close() {
    try {
      zip.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + path + ": " + e.getMessage(), e);
    }
  }

  private String entry(String name) {
    try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read " + name + " in " + path + ": " + e.getMessage(), e);
    }
  }
}
