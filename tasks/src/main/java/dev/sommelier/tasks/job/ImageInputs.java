package dev.sommelier.tasks.job;

import dev.sommelier.tasks.data.source.ImageFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The image files a prediction runs on: files as named (whatever their extension: a file that does
 * not decode is skipped later), and for each folder the visible jpg, jpeg, png, bmp and gif files
 * directly in it, in natural order of their names (the files the folder loaders pick up).
 */
public final class ImageInputs {

  private ImageInputs() {}

  /**
   * The files of {@code inputs}, in order.
   *
   * @throws IllegalArgumentException for a path that is neither a file nor a folder, or when there
   *     are no images at all
   */
  public static List<Path> expand(List<Path> inputs) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path p : inputs) {
      if (Files.isDirectory(p)) {
        files.addAll(ImageFiles.images(p));
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        throw new IllegalArgumentException("no image file or folder at " + p.toAbsolutePath());
      }
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no images in " + inputs + " (a folder's images are its "
          + String.join(", ", ImageFiles.EXTENSIONS.stream().sorted().toList()) + " files)");
    }
    return files;
  }
}
