package dev.sommelier.tasks.data.source;

import dev.sommelier.tasks.data.NaturalOrder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Which files count as images (by extension, any case) and how folders are listed. */
public final class ImageFiles {

  /** Extensions of the image files a folder source picks up. */
  public static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "gif");

  private static final Logger LOG = LoggerFactory.getLogger(ImageFiles.class);

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

  /**
   * The visible image files in {@code dir} and in its visible sub-folders at any depth: a folder's
   * own images first, then each sub-folder's, each level in natural order of the names. A link to
   * a folder is followed unless it leads back to a folder being listed (a loop), which is skipped.
   */
  public static List<Path> imagesUnder(Path dir) throws IOException {
    List<Path> found = new ArrayList<>();
    collect(dir, new HashSet<>(), found);
    return found;
  }

  /** Adds the images under {@code dir}; {@code open} holds the real paths of its ancestors. */
  private static void collect(Path dir, Set<Path> open, List<Path> found) throws IOException {
    Path real = dir.toRealPath();
    if (!open.add(real)) {
      LOG.warn("not listing {} again: it leads back to {}", dir, real);
      return;
    }
    found.addAll(images(dir));
    for (Path sub : folders(dir)) {
      collect(sub, open, found);
    }
    open.remove(real);
  }

  /** Fails unless {@code dir} is a folder. */
  static void requireFolder(Path dir, String what) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(what + " " + dir.toAbsolutePath() + " is not a folder");
    }
  }
}
