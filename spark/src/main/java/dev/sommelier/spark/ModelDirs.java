package dev.sommelier.spark;

import dev.sommelier.tasks.model.ModelCard;
import dev.sommelier.tasks.model.ModelStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * Model directories as Spark jobs name them: checked on the driver before any task starts, and
 * made local on an executor (a directory on a Hadoop file system is copied once per JVM to a
 * temporary folder, since TensorFlow reads checkpoints from local files only).
 */
final class ModelDirs {

  private ModelDirs() {}

  /**
   * The card of the model in {@code dir}, read on the driver; fails there when {@code dir} is not
   * a model directory, naming it.
   *
   * @throws IllegalArgumentException when the directory or its {@code model.json} is missing or
   *     unreadable
   */
  static ModelCard requireOnDriver(String dir) {
    if (dir == null || dir.isBlank()) {
      throw new IllegalArgumentException("no model directory given; pass the folder that"
          + " 'sommelier train' wrote (runs/NAME/model)");
    }
    Path local = ImageFiles.local(dir);
    if (local != null && !Files.isDirectory(local)) {
      throw new IllegalArgumentException("the model directory " + dir + " does not exist; pass"
          + " the folder that 'sommelier train' wrote (runs/NAME/model), reachable from the"
          + " driver and every executor");
    }
    return ModelStore.card(local != null ? local : localCopy(dir));
  }

  /** {@code dir} as a local folder: itself, or a copy of a remote one. */
  static Path local(String dir) {
    Path local = ImageFiles.local(dir);
    return local != null ? local : localCopy(dir);
  }

  private static Path localCopy(String dir) {
    try {
      Path tmp = Files.createTempDirectory("sommelier-model-");
      org.apache.hadoop.fs.Path src = new org.apache.hadoop.fs.Path(dir);
      FileSystem fs = src.getFileSystem(new Configuration());
      if (!fs.exists(src)) {
        throw new IllegalArgumentException("the model directory " + dir + " does not exist;"
            + " pass the folder that 'sommelier train' wrote (runs/NAME/model)");
      }
      fs.copyToLocalFile(false, src, new org.apache.hadoop.fs.Path(tmp.toUri()), true);
      return tmp.resolve(src.getName());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the model directory " + dir + " to this"
          + " machine: " + e.getMessage(), e);
    }
  }
}
