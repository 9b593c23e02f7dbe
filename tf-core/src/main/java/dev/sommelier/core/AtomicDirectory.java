package dev.sommelier.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Writes a directory so that readers see either the old complete one or the new complete one:
 * the content goes to a temporary sibling, which is then renamed into place.
 */
final class AtomicDirectory {

  /** What fills the temporary directory. */
  interface Writer {
    void write(Path tempDir) throws IOException;
  }

  private AtomicDirectory() {}

  static void write(Path target, Writer writer) {
    Path abs = target.toAbsolutePath();
    Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp-" + ProcessHandle.current().pid());
    Path old = abs.resolveSibling(abs.getFileName() + ".old-" + ProcessHandle.current().pid());
    try {
      Files.createDirectories(abs.getParent());
      deleteTree(tmp);
      Files.createDirectories(tmp);
      writer.write(tmp);
      if (Files.exists(abs)) {
        deleteTree(old);
        Files.move(abs, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
      deleteTree(old);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + abs + ": " + e.getMessage(), e);
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
