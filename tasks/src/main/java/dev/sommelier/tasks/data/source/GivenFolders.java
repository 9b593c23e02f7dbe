package dev.sommelier.tasks.data.source;

import dev.sommelier.tasks.data.DataSet;
import dev.sommelier.tasks.data.split.DataSplits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A data set split ahead of time as {@code root/train}, {@code root/val} (or {@code validation})
 * and {@code root/test}, each laid out as {@linkplain ClassFolders class folders}. {@code train} is
 * required; a missing validation or test folder gives an empty part. All folders must have the
 * same class folders, or the class indices would disagree between parts.
 */
public final class GivenFolders {

  private GivenFolders() {}

  /**
   * Loads the parts under {@code root}.
   *
   * @throws IllegalArgumentException when {@code train} is missing, or the class names differ
   *     between parts (listing what each part has that the train part has not, and the reverse)
   */
  public static DataSplits load(Path root) throws IOException {
    ImageFiles.requireFolder(root, "split root");
    Path train = root.resolve("train");
    if (!Files.isDirectory(train)) {
      throw new IllegalArgumentException("no train folder in " + root.toAbsolutePath()
          + ": expected train/, val/ and test/ folders of class folders");
    }
    DataSet trainSet = ClassFolders.load(train);
    Path val = root.resolve("val");
    if (!Files.isDirectory(val)) {
      val = root.resolve("validation");
    }
    DataSet valSet = part(val, trainSet);
    DataSet testSet = part(root.resolve("test"), trainSet);
    return new DataSplits(trainSet, valSet, testSet);
  }

  private static DataSet part(Path dir, DataSet train) throws IOException {
    if (!Files.isDirectory(dir)) {
      return train.withSamples(List.of());
    }
    DataSet part = ClassFolders.load(dir);
    if (!part.classNames().equals(train.classNames())) {
      throw new IllegalArgumentException("class folders of " + dir + " differ from train's: "
          + "only in " + dir.getFileName() + ": " + minus(part.classNames(), train.classNames())
          + "; only in train: " + minus(train.classNames(), part.classNames())
          + "; every part needs the same class folders");
    }
    return part;
  }

  private static List<String> minus(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.removeAll(b);
    return out;
  }
}
