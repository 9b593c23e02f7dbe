package dev.sommelier.tools;

import dev.sommelier.tasks.data.source.DataSource;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The data options {@code train} and {@code evaluate} share (a picocli mixin): exactly one source,
 * and a class-names file for the sources whose labels are numbers.
 */
public final class DataOptions {

  @ArgGroup(exclusive = true, multiplicity = "1", heading = "%nData (exactly one):%n")
  Source source;

  @Option(names = "--class-names", paramLabel = "FILE",
      description = "Class names, one a line, for --filenames (classes 1, 2, ...) and"
          + " --cifar-classes (labels 0, 1, ...) (default: the numbers).")
  Path classNames;

  /** The data sources, one of which is given. */
  static final class Source {
    @Option(names = "--folder", paramLabel = "DIR",
        description = "Class folders: DIR/<class>/<image>.")
    Path folder;

    @Option(names = "--split-folders", paramLabel = "DIR",
        description = "DIR/train, DIR/val and DIR/test, each of class folders (split as given).")
    Path splitFolders;

    @Option(names = "--filenames", paramLabel = "DIR",
        description = "Images named <class>_<n>.<ext>, classes 1, 2, ...")
    Path fileNames;

    @Option(names = "--csv-classes", paramLabel = "CSV",
        description = "A CSV of path,class (paths relative to the CSV).")
    Path csvClasses;

    @Option(names = "--csv-values", paramLabel = "CSV",
        description = "A CSV of path,value (paths relative to the CSV).")
    Path csvValues;

    @Option(names = "--csv-labels", paramLabel = "CSV",
        description = "Multi-label: a CSV of file,labels (worn|leaking; empty = none) or of"
            + " file,<label>,<label>,... with 0/1 columns. Bad rows are reported by line and"
            + " left out.")
    Path csvLabels;

    @Option(names = "--cifar-classes", paramLabel = "FILE", split = ",",
        description = "CIFAR-10 binary files; the label byte is the class.")
    List<Path> cifarClasses;

    @Option(names = "--cifar-values", paramLabel = "FILE", split = ",",
        description = "CIFAR-10 binary files; the label byte is a value.")
    List<Path> cifarValues;
  }

  /** The chosen source. */
  public DataSource source() {
    Source s = source;
    if (s.folder != null) {
      return withNames(DataSource.folder(s.folder));
    }
    if (s.splitFolders != null) {
      return withNames(DataSource.splitFolders(s.splitFolders));
    }
    if (s.fileNames != null) {
      return DataSource.fileNames(s.fileNames, classNames);
    }
    if (s.csvClasses != null) {
      return withNames(DataSource.csvClasses(s.csvClasses));
    }
    if (s.csvValues != null) {
      return withNames(DataSource.csvValues(s.csvValues));
    }
    if (s.csvLabels != null) {
      return withNames(DataSource.csvLabels(s.csvLabels));
    }
    if (s.cifarClasses != null) {
      return DataSource.cifarClasses(s.cifarClasses, classNames);
    }
    return withNames(DataSource.cifarValues(s.cifarValues));
  }

  /** {@code d} with the class-names file, which fails for a source that names its own classes. */
  private DataSource withNames(DataSource d) {
    return classNames == null ? d : new DataSource(d.kind(), d.paths(), classNames);
  }
}
