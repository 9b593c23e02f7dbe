package dev.sommelier.tasks.jobs;

import dev.sommelier.tasks.data.source.ImageFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The image files a prediction runs on: files as named (whatever their extension: a file that does
 * not decode is skipped later), and for each folder the visible jpg, jpeg, png, bmp and gif files in
 * it and in its visible sub-folders at any depth ({@link ImageFiles#imagesUnder}: a folder's own
 * files, then each sub-folder's, in natural order of the names), so a folder of class folders, the
 * layout training reads, stands for all of its images.
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
        files.addAll(ImageFiles.imagesUnder(p));
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        throw new IllegalArgumentException("no image file or folder at " + p.toAbsolutePath());
      }
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no images in " + inputs + " (a folder's images are its "
          + String.join(", ", ImageFiles.EXTENSIONS.stream().sorted().toList())
          + " files, in it and in its sub-folders; hidden ones are left out)");
    }
    return files;
  }
}
