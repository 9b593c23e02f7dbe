package dev.sommelier.tasks.data.source;

import dev.sommelier.tasks.data.DataSet;
import dev.sommelier.tasks.data.Sample;
import dev.sommelier.tasks.data.check.CheckedData;
import dev.sommelier.tasks.data.check.ImageCheck;
import dev.sommelier.tasks.data.split.DataSplits;
import dev.sommelier.tasks.data.split.SplitRatios;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a job's images and labels come from: one of the loaders beside this class, with its
 * paths. Every path is checked before loading, so a missing one is an {@link
 * IllegalArgumentException} that names it.
 *
 * @param kind the loader
 * @param paths the folder, the CSV file, or the CIFAR files
 * @param classNames a text file of class names, one a line (file-name labels and CIFAR classes
 *     only), or null
 */
public record DataSource(Kind kind, List<Path> paths, Path classNames) {

  /** The loaders, by the name options and reports use. */
  public enum Kind {
    /** {@code root/<class>/<image>}: {@link ClassFolders}. */
    FOLDER(false),
    /** {@code root/train}, {@code root/val}, {@code root/test}: {@link GivenFolders}. */
    SPLIT_FOLDERS(false),
    /** {@code dir/<class>_<n>.<ext>}: {@link FileNameLabels}. */
    FILENAMES(false),
    /** A CSV of {@code path,class}: {@link CsvLabels#classes}. */
    CSV_CLASSES(false),
    /** A CSV of {@code path,value}: {@link CsvLabels#values}. */
    CSV_VALUES(true),
    /**
     * A CSV of {@code file,labels} ({@code worn|leaking}) or of one 0/1 column per label: {@link
     * CsvMultiLabels}.
     */
    CSV_LABELS(false),
    /** CIFAR-10 binary files, label byte = class: {@link CifarBinary#classes}. */
    CIFAR_CLASSES(false),
    /** CIFAR-10 binary files, label byte = value: {@link CifarBinary#values}. */
    CIFAR_VALUES(true);

    private final boolean values;

    Kind(boolean values) {
      this.values = values;
    }

    /** Whether its labels are values (numbers) rather than class names. */
    public boolean valueLabels() {
      return values;
    }

    /** Whether each sample carries a set of labels (multi-label). */
    public boolean multiLabel() {
      return this == CSV_LABELS;
    }

    /** {@code csv-values}: the name as options write it. */
    public String optionName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** Checks the number of paths and where a class-names file is allowed. */
  public DataSource {
    paths = List.copyOf(paths);
    boolean cifar = kind == Kind.CIFAR_CLASSES || kind == Kind.CIFAR_VALUES;
    if (paths.isEmpty() || !cifar && paths.size() != 1) {
      throw new IllegalArgumentException(
          kind.optionName() + " takes " + (cifar ? "one or more files" : "one path") + ", got "
              + paths);
    }
    if (classNames != null && kind != Kind.FILENAMES && kind != Kind.CIFAR_CLASSES) {
      throw new IllegalArgumentException("a class-names file applies to filenames and cifar-classes"
          + " data only; " + kind.optionName() + " data name their own classes");
    }
  }

  /** Class folders under {@code root}. */
  public static DataSource folder(Path root) {
    return new DataSource(Kind.FOLDER, List.of(root), null);
  }

  /** Ready-made {@code train/}, {@code val/} and {@code test/} folders under {@code root}. */
  public static DataSource splitFolders(Path root) {
    return new DataSource(Kind.SPLIT_FOLDERS, List.of(root), null);
  }

  /** {@code <class>_<n>.<ext>} files in {@code dir}; class names from a file, or null. */
  public static DataSource fileNames(Path dir, Path classNames) {
    return new DataSource(Kind.FILENAMES, List.of(dir), classNames);
  }

  /** A CSV of {@code path,class}. */
  public static DataSource csvClasses(Path csv) {
    return new DataSource(Kind.CSV_CLASSES, List.of(csv), null);
  }

  /** A CSV of {@code path,value}. */
  public static DataSource csvValues(Path csv) {
    return new DataSource(Kind.CSV_VALUES, List.of(csv), null);
  }

  /** A CSV of {@code file,labels} or of one 0/1 column per label: {@link CsvMultiLabels}. */
  public static DataSource csvLabels(Path csv) {
    return new DataSource(Kind.CSV_LABELS, List.of(csv), null);
  }

  /** CIFAR-10 binary files as classes, names from {@code classNames} or null for 0..9. */
  public static DataSource cifarClasses(List<Path> files, Path classNames) {
    return new DataSource(Kind.CIFAR_CLASSES, files, classNames);
  }

  /** CIFAR-10 binary files as values. */
  public static DataSource cifarValues(List<Path> files) {
    return new DataSource(Kind.CIFAR_VALUES, files, null);
  }

  /** Whether the data come split already (then no split ratios apply). */
  public boolean presplit() {
    return kind == Kind.SPLIT_FOLDERS;
  }

  /** The folder sample ids are relative to in reports: the data folder, or the files' folder. */
  public Path base() {
    Path p = paths.get(0).toAbsolutePath();
    return kind == Kind.FOLDER || kind == Kind.SPLIT_FOLDERS || kind == Kind.FILENAMES
        ? p : p.getParent();
  }

  /** Every sample (for split folders: train, then validation, then test). */
  public DataSet load() throws IOException {
    checkPaths();
    return switch (kind) {
      case FOLDER -> ClassFolders.load(paths.get(0));
      case SPLIT_FOLDERS -> concat(GivenFolders.load(paths.get(0)));
      case FILENAMES -> FileNameLabels.load(paths.get(0), Optional.ofNullable(classNames));
      case CSV_CLASSES -> CsvLabels.classes(paths.get(0));
      case CSV_VALUES -> CsvLabels.values(paths.get(0));
      case CSV_LABELS -> CsvMultiLabels.load(paths.get(0));
      case CIFAR_CLASSES -> CifarBinary.classes(paths, names());
      case CIFAR_VALUES -> CifarBinary.values(paths);
    };
  }

  /**
   * {@code data} with the samples whose image does not decode left out, so that a split and its
   * counts are of images that really decode. Image files are decoded once on {@code threads}
   * threads ({@link ImageCheck}); CIFAR records are taken as they are, their files having been
   * checked to hold whole records when loaded.
   *
   * @param data what {@link #load()} gave, possibly with its labels turned into another task's
   */
  public CheckedData check(DataSet data, int threads) {
    return kind == Kind.CIFAR_CLASSES || kind == Kind.CIFAR_VALUES
        ? CheckedData.unchecked(data) : ImageCheck.check(data, threads);
  }

  /**
   * The parts for training: the given folders as they are, or {@code data} split stratified by
   * {@code ratios} with {@code seed}.
   *
   * @param data what {@link #load()} gave, or its usable samples after {@link #check(DataSet,
   *     int)}, possibly with its labels turned into another task's; for given folders each sample
   *     goes to the part whose folder holds it
   */
  public DataSplits split(DataSet data, SplitRatios ratios, long seed) throws IOException {
    if (!presplit()) {
      return DataSplits.stratified(data, ratios, seed);
    }
    DataSplits given = GivenFolders.load(paths.get(0));
    Set<String> train = ids(given.train());
    Set<String> validation = ids(given.validation());
    List<List<Sample>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (Sample s : data.samples()) {
      parts.get(train.contains(s.id()) ? 0 : validation.contains(s.id()) ? 1 : 2).add(s);
    }
    return new DataSplits(data.withSamples(parts.get(0)), data.withSamples(parts.get(1)),
        data.withSamples(parts.get(2)));
  }

  /** {@code folder /data/shapes}: the source as a person would name it. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(kind.optionName()).append(' ');
    b.append(String.join(",", paths.stream().map(Path::toString).toList()));
    return classNames == null ? b.toString() : b.append(" (class names ").append(classNames)
        .append(')').toString();
  }

  private void checkPaths() {
    boolean folders = kind == Kind.FOLDER || kind == Kind.SPLIT_FOLDERS || kind == Kind.FILENAMES;
    for (Path p : paths) {
      if (folders ? !Files.isDirectory(p) : !Files.isRegularFile(p)) {
        throw new IllegalArgumentException(
            "no data " + (folders ? "folder" : "file") + " at " + p.toAbsolutePath()
                + " (" + kind.optionName() + ")");
      }
    }
    if (classNames != null && !Files.isRegularFile(classNames)) {
      throw new IllegalArgumentException("no class-names file at " + classNames.toAbsolutePath());
    }
  }

  private List<String> names() throws IOException {
    if (classNames == null) {
      return List.of();
    }
    return Files.readAllLines(classNames, StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank()).map(String::strip).toList();
  }

  private static Set<String> ids(DataSet part) {
    Set<String> ids = new HashSet<>();
    part.samples().forEach(s -> ids.add(s.id()));
    return ids;
  }

  private static DataSet concat(DataSplits s) {
    List<Sample> all = new ArrayList<>(s.train().samples());
    all.addAll(s.validation().samples());
    all.addAll(s.test().samples());
    return s.train().withSamples(all);
  }
}
