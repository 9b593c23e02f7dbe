package dev.sommelier.core;

import java.awt.image.RenderedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import javax.imageio.ImageIO;

/**
 * Writes files through a temporary sibling renamed into place, so a reader sees the old file or
 * the new one, never half of one. The temporary file is created like any new file (not with {@link
 * Files#createTempFile}'s owner-only permissions), so the result has the permissions the user's
 * umask gives, and a report can be shared.
 */
public final class AtomicFiles {

  /** Writes a file's content to a stream. */
  @FunctionalInterface
  public interface Content {
    /** Writes everything to {@code out}. */
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  /** Writes {@code content} to {@code file}, creating its folder. */
  public static void write(Path file, Content content) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = parent.resolve(file.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE)) {
        content.writeTo(out);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Writes {@code image} to {@code file} as PNG. */
  public static void writePng(Path file, RenderedImage image) throws IOException {
    write(file, out -> {
      if (!ImageIO.write(image, "png", out)) {
        throw new IOException("no PNG writer for " + image.getClass().getSimpleName());
      }
    });
  }
}
