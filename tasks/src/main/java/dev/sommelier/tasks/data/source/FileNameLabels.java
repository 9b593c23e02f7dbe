package dev.sommelier.tasks.data.source;

import dev.sommelier.tasks.data.DataSet;
import dev.sommelier.tasks.data.ImageSource;
import dev.sommelier.tasks.data.Sample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A data set of classes whose labels are in the file names: {@code <class>_<number>.<ext>} in one
 * folder, the class 1-based ({@code 3_0042.jpg} is class index 2). Class names come from an
 * optional text file, one name per line for classes 1, 2, ... (blank lines ignored); without it
 * they are {@code "1"}, {@code "2"}, ... up to the highest class seen. Every visible image file (by
 * extension) must fit the pattern; other files are ignored.
 */
public final class FileNameLabels {

  private static final Pattern NAME = Pattern.compile("(\\d+)_(\\d+)\\.[A-Za-z]+");

  private FileNameLabels() {}

  /**
   * Loads the images in {@code dir}.
   *
   * @param classNames a file of class names, one a line, or empty for "1", "2", ...
   * @throws IllegalArgumentException naming a file that does not fit the pattern, class 0, or a
   *     class above the number of names
   */
  public static DataSet load(Path dir, Optional<Path> classNames) throws IOException {
    ImageFiles.requireFolder(dir, "image folder");
    List<Path> files = ImageFiles.images(dir);
    int[] classes = new int[files.size()];
    int highest = 0;
    for (int i = 0; i < files.size(); i++) {
      classes[i] = classOf(files.get(i));
      highest = Math.max(highest, classes[i]);
    }
    List<String> names = classNames.isPresent() ? readNames(classNames.get()) : numbered(highest);
    if (names.isEmpty()) {
      throw new IllegalArgumentException("no images in " + dir.toAbsolutePath()
          + " and no class names: nothing to load");
    }
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      if (classes[i] > names.size()) {
        throw new IllegalArgumentException(files.get(i) + " is of class " + classes[i]
            + " but " + classNames.map(Path::toString).orElse("?") + " names only "
            + names.size() + " classes");
      }
      Path file = files.get(i);
      samples.add(Sample.ofClass(file.toString(), ImageSource.file(file), classes[i] - 1));
    }
    return new DataSet(DataSet.Kind.CLASSES, names, samples);
  }

  /** The 1-based class in {@code file}'s name. */
  static int classOf(Path file) {
    String name = file.getFileName().toString();
    Matcher m = NAME.matcher(name);
    if (!m.matches()) {
      throw new IllegalArgumentException("file name " + file
          + " does not fit <class>_<number>.<ext> (for example 3_0042.jpg, class 3 of 1, 2, ...)");
    }
    int cls;
    try {
      cls = Integer.parseInt(m.group(1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("class number in " + file + " is too large", e);
    }
    if (cls < 1) {
      throw new IllegalArgumentException(
          "file name " + file + " has class 0; classes in file names start at 1");
    }
    return cls;
  }

  private static List<String> readNames(Path file) throws IOException {
    List<String> names = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        names.add(line.strip());
      }
    }
    return names;
  }

  private static List<String> numbered(int n) {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      names.add(Integer.toString(i));
    }
    return names;
  }
}
