package dev.sommelier.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves and restores every variable of a {@link ModelRuntime} (weights, batch-norm statistics,
 * optimizer slots) as a TensorFlow checkpoint in a directory of its own, written atomically.
 */
public final class Checkpoints {

  private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);
  private static final String PREFIX = "variables";

  private Checkpoints() {}

  /** Writes all variables to {@code dir} (replacing an older checkpoint there atomically). */
  public static void save(ModelRuntime runtime, Path dir) {
    save(runtime, dir, Map.of());
  }

  /**
   * Writes all variables and the given small files (a model description, training state) to
   * {@code dir}, all in one atomic replacement: a reader sees the old set or the new set.
   */
  public static void save(ModelRuntime runtime, Path dir, Map<String, byte[]> files) {
    runtime.seal();
    AtomicDirectory.write(
        dir,
        tmp -> {
          runtime.session().save(tmp.resolve(PREFIX).toString());
          for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Files.write(tmp.resolve(f.getKey()), f.getValue());
          }
        });
    LOG.debug("checkpoint of {} variables written to {}", runtime.variables().all().size(), dir);
  }

  /**
   * Whether {@code dir} holds a checkpoint, after finishing a replacement of it that a process
   * killed between the two renames of a {@link #save} left half done (the previous checkpoint is
   * renamed back into place).
   */
  public static boolean recover(Path dir) {
    AtomicDirectory.recover(dir);
    return Files.isRegularFile(dir.resolve(PREFIX + ".index"));
  }

  /**
   * Reads all variables from {@code dir}, written by {@link #save} for a graph built the same way
   * (after {@link #recover}ing it).
   *
   * @throws IllegalArgumentException when {@code dir} holds no checkpoint
   */
  public static void restore(ModelRuntime runtime, Path dir) {
    if (!recover(dir)) {
      throw new IllegalArgumentException(
          "no checkpoint in " + dir + " (expected " + PREFIX + ".index there)");
    }
    runtime.seal();
    runtime.session().restore(dir.resolve(PREFIX).toString());
  }
}
