package dev.sommelier.tasks.data.source;

import dev.sommelier.tasks.data.NaturalOrder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** Which files count as images (by extension, any case) and how folders are listed. */
public final class ImageFiles {

  /** Extensions of the image files a folder source picks up. */
  public static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "gif");

  private static final Comparator<Path> BY_NAME =
      Comparator.comparing(p -> p.getFileName().toString(), NaturalOrder.INSTANCE);

  private ImageFiles() {}

  /** Whether {@code file}'s name ends in one of {@link #EXTENSIONS}, in any case. */
  static boolean isImage(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  /** Whether the name starts with a dot (hidden on Unix, and never data). */
  static boolean isHidden(Path file) {
    return file.getFileName().toString().startsWith(".");
  }

  /** The visible sub-folders of {@code dir}, in natural order of their names. */
  static List<Path> folders(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory).filter(p -> !isHidden(p)).sorted(BY_NAME).toList();
    }
  }

  /** The visible image files directly in {@code dir}, in natural order of their names. */
  public static List<Path> images(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile).filter(p -> !isHidden(p)).filter(ImageFiles::isImage)
          .sorted(BY_NAME).toList();
    }
  }

  /** Fails unless {@code dir} is a folder. */
  static void requireFolder(Path dir, String what) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(what + " " + dir.toAbsolutePath() + " is not a folder");
    }
  }
}
