package dev.sommelier.tasks.data.synthetic;

/** How generated images of classes are laid out on disk. */
public enum Layout {
  /** {@code dir/<class name>/<class name>_<nnnn>.<ext>}, for {@code ClassFolders}. */
  CLASS_FOLDERS,
  /**
   * {@code dir/<class number>_<nnnn>.<ext>} with the class 1-based, and {@code dir/classes.txt}
   * naming the classes one a line, for {@code FileNameLabels}.
   */
  FILE_NAME_LABELS
}
