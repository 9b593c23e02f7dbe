package dev.sommelier.tasks.jobs;

import java.nio.file.Path;
import java.util.List;

/**
 * The known true class of an image given to predict or explain: the name of the folder it sits in,
 * when that name is one of the model's classes, as in the class-folder layout training reads
 * ({@code test/<class>/<image>}). Other images have no known class.
 */
public final class FolderTruth {

  private FolderTruth() {}

  /**
   * The true class of {@code file}, or null when its folder is not named after one of {@code
   * classes} (always null for a regression model, which has no classes).
   */
  public static String trueClass(Path file, List<String> classes) {
    Path folder = file.toAbsolutePath().normalize().getParent();
    if (folder == null || folder.getFileName() == null) {
      return null;
    }
    String name = folder.getFileName().toString();
    return classes.contains(name) ? name : null;
  }

  /** Whether {@code predicted} is {@code trueClass}, or null without a known class. */
  public static Boolean correct(String trueClass, String predicted) {
    return trueClass == null ? null : trueClass.equals(predicted);
  }
}
