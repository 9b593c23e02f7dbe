package dev.sommelier.tasks.data.source;

import dev.sommelier.tasks.data.DataSet;
import dev.sommelier.tasks.data.ImageSource;
import dev.sommelier.tasks.data.Sample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A data set of classes laid out as {@code root/<class>/<image>}: every visible sub-folder is a
 * class (its name the class name, indices in natural order of the names), every file directly in
 * it whose extension is jpg, jpeg, png, bmp or gif (any case) a sample; other files, hidden files
 * and deeper folders are ignored. A class folder without images still counts as a class.
 */
public final class ClassFolders {

  private ClassFolders() {}

  /**
   * Loads the data set under {@code root}.
   *
   * @throws IllegalArgumentException when {@code root} is not a folder or has no class folders
   */
  public static DataSet load(Path root) throws IOException {
    ImageFiles.requireFolder(root, "class-folder root");
    List<Path> classes = ImageFiles.folders(root);
    if (classes.isEmpty()) {
      throw new IllegalArgumentException("no class folders in " + root.toAbsolutePath()
          + ": expected " + root + "/<class name>/<image files>");
    }
    List<String> names = new ArrayList<>();
    List<Sample> samples = new ArrayList<>();
    for (Path dir : classes) {
      int index = names.size();
      names.add(dir.getFileName().toString());
      for (Path file : ImageFiles.images(dir)) {
        samples.add(Sample.ofClass(file.toString(), ImageSource.file(file), index));
      }
    }
    return new DataSet(DataSet.Kind.CLASSES, names, samples);
  }
}
