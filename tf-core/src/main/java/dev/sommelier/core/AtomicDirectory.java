package dev.sommelier.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a directory so that readers see either the old complete one or the new complete one:
 * the content goes to a temporary sibling {@code NAME.tmp-PID}, the old directory is renamed to
 * {@code NAME.old-PID}, the new one into place, and the old one is deleted.
 *
 * <p>A process killed part way (SIGKILL, power cut) leaves siblings behind. A kill between the two
 * renames leaves no {@code NAME} but a complete {@code NAME.old-PID}: {@link #recover} renames it
 * back. Every write first recovers and then deletes the leftovers of processes no longer running,
 * so at most one writer's leftovers exist at a time and a lone {@code .old} sibling is always
 * complete.
 */
final class AtomicDirectory {

  private static final Logger LOG = LoggerFactory.getLogger(AtomicDirectory.class);
  private static final String TMP = ".tmp-";
  private static final String OLD = ".old-";

  /** What fills the temporary directory. */
  interface Writer {
    void write(Path tempDir) throws IOException;
  }

  private AtomicDirectory() {}

  static void write(Path target, Writer writer) {
    Path abs = target.toAbsolutePath();
    long pid = ProcessHandle.current().pid();
    Path tmp = abs.resolveSibling(abs.getFileName() + TMP + pid);
    Path old = abs.resolveSibling(abs.getFileName() + OLD + pid);
    try {
      Files.createDirectories(abs.getParent());
      recover(abs);
      for (Path leftover : leftovers(abs, TMP, OLD)) {
        deleteTree(leftover);
      }
      Files.createDirectories(tmp);
      writer.write(tmp);
      if (Files.exists(abs)) {
        Files.move(abs, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
      deleteTree(old);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + abs + ": " + e.getMessage(), e);
    }
  }

  /**
   * Finishes a replacement of {@code target} that a killed process left between its two renames:
   * when {@code target} is missing and one {@code .old} sibling of a process no longer running is
   * there, renames it back.
   */
  static void recover(Path target) {
    Path abs = target.toAbsolutePath();
    try {
      if (Files.exists(abs) || !Files.isDirectory(abs.getParent())) {
        return;
      }
      List<Path> old = leftovers(abs, OLD);
      if (old.size() == 1) {
        Files.move(old.get(0), abs, StandardCopyOption.ATOMIC_MOVE);
        LOG.info("{} was left half replaced by a process that stopped; restored it from {}",
            abs, old.get(0).getFileName());
      } else if (old.size() > 1) {
        LOG.warn("{} is missing and {} could each be its last complete version; using none",
            abs, old);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot recover " + abs + ": " + e.getMessage(), e);
    }
  }

  /**
   * The siblings {@code NAME<kind>PID} of {@code abs} whose process is this one or no longer runs
   * (another running process may be writing its own).
   */
  private static List<Path> leftovers(Path abs, String... kinds) throws IOException {
    List<Path> found = new ArrayList<>();
    String name = abs.getFileName().toString();
    long self = ProcessHandle.current().pid();
    try (DirectoryStream<Path> siblings = Files.newDirectoryStream(abs.getParent())) {
      for (Path p : siblings) {
        String sibling = p.getFileName().toString();
        for (String kind : kinds) {
          String digits = sibling.startsWith(name + kind)
              ? sibling.substring(name.length() + kind.length()) : "";
          if (!digits.isEmpty() && digits.length() <= 18
              && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            long pid = Long.parseLong(digits);
            boolean otherRunning = pid != self
                && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            if (!otherRunning) {
              found.add(p);
            }
          }
        }
      }
    }
    return found;
  }

  private static void deleteTree(Path root) throws IOException {
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
