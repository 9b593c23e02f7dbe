package dev.sommelier.backbones.keras;

import io.jhdf.HdfFile;
import io.jhdf.exceptions.HdfException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipFile;

/**
 * Opens a saved Keras model or weight file by what it holds, not by its name: a directory with
 * {@code saved_model.pb} (TF 2.x {@code model.save(dir)}), an HDF5 file ({@code model.save("m.h5")}
 * with its {@code model_config}, or {@code save_weights} and the official {@code ~/.keras/models}
 * files with their {@code layer_names}), or a zip holding {@code config.json} and {@code
 * model.weights.h5} (Keras 3 {@code model.save("m.keras")}).
 */
public final class KerasModelSources {

  /** What {@link #open} accepts, for messages. */
  public static final String ACCEPTED =
      "a TF2 SavedModel directory (model.save(dir) in TF 2.x), an HDF5 file (model.save(\"m.h5\"),"
          + " model.save_weights(\"w.h5\") or a weight file from ~/.keras/models) or a Keras 3"
          + " archive (model.save(\"m.keras\"))";

  private static final byte[] HDF5 = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
  private static final byte[] ZIP = {'P', 'K', 3, 4};

  private KerasModelSources() {}

  /**
   * Opens {@code path}; close the source when done.
   *
   * @throws IllegalArgumentException naming the path and the accepted formats when it is none of
   *     them, or what is missing when it is one of them but incomplete
   */
  public static KerasModelSource open(Path path) {
    if (Files.isDirectory(path)) {
      if (!Files.isRegularFile(path.resolve("saved_model.pb"))) {
        throw new IllegalArgumentException(
            path.toAbsolutePath() + " is a directory without saved_model.pb, so not a SavedModel;"
                + " give " + ACCEPTED);
      }
      return new SavedModelSource(path);
    }
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException(
          "no Keras model at " + path.toAbsolutePath() + "; give " + ACCEPTED);
    }
    byte[] head = head(path);
    if (startsWith(head, HDF5)) {
      return openHdf5(path);
    }
    if (startsWith(head, ZIP)) {
      return openArchive(path);
    }
    throw new IllegalArgumentException(
        path.toAbsolutePath() + " is not a Keras model: it is neither a SavedModel directory, an"
            + " HDF5 file nor a zip archive; give " + ACCEPTED);
  }

  private static KerasModelSource openHdf5(Path path) {
    HdfFile file;
    try {
      file = new HdfFile(path);
    } catch (HdfException e) {
      throw new IllegalArgumentException(path.toAbsolutePath() + " starts like an HDF5 file but"
          + " cannot be read as one (" + e.getMessage() + "); is it complete?", e);
    }
    try {
      var model = H5Values.text(file, "model_config");
      if (model.isPresent()) {
        return new H5ModelSource(path, file, KerasJson.parse(model.get(), path));
      }
      if (file.getAttributes().containsKey("layer_names")
          || file.getAttributes().containsKey("layer_names0")) {
        return new H5WeightsSource(path, file);
      }
      String why = file.getChildren().containsKey("layers")
          || file.getChildren().containsKey("_layer_checkpoint_dependencies")
          ? " it holds Keras 3 weights (save_weights(\"w.weights.h5\")), stored by position"
              + " without the model config that names them; save the whole model with"
              + " model.save(\"m.keras\") instead"
          : " it has neither a model_config nor a layer_names attribute";
      throw new IllegalArgumentException(
          path.toAbsolutePath() + " is an HDF5 file but not one Sommelier can read as Keras:"
              + why);
    } catch (RuntimeException e) {
      file.close();
      throw e;
    }
  }

  private static KerasModelSource openArchive(Path path) {
    ZipFile zip;
    try {
      zip = new ZipFile(path.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(path.toAbsolutePath() + " starts like a zip archive but"
          + " cannot be read as one (" + e.getMessage() + "); give " + ACCEPTED, e);
    }
    try {
      for (String entry : new String[] {KerasArchiveSource.CONFIG, KerasArchiveSource.WEIGHTS}) {
        if (zip.getEntry(entry) == null) {
          throw new IllegalArgumentException(path.toAbsolutePath() + " is a zip archive without "
              + entry + ", so not a Keras 3 .keras file; give " + ACCEPTED);
        }
      }
      return new KerasArchiveSource(path, zip);
    } catch (RuntimeException e) {
      try {
        zip.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private static byte[] head(Path path) {
    try (InputStream in = Files.newInputStream(path)) {
      return in.readNBytes(HDF5.length);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read " + path.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

  private static boolean startsWith(byte[] head, byte[] signature) {
    return head.length >= signature.length
        && Arrays.equals(head, 0, signature.length, signature, 0, signature.length);
  }
}
