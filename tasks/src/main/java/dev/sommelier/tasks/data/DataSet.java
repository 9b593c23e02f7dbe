package dev.sommelier.tasks.data;

import java.util.HashSet;
import java.util.List;

/**
 * Samples and what their labels mean: class names in index order for {@link Kind#CLASSES}, numeric
 * values for {@link Kind#VALUES}, or label names in index order for {@link Kind#LABELS}.
 *
 * @param kind whether samples are labelled by class, by value or by a set of labels
 * @param classNames class (or label) names, index order (empty for a data set of values)
 * @param samples the samples, in a stable order
 */
public record DataSet(Kind kind, List<String> classNames, List<Sample> samples) {

  /** What a data set's labels are. */
  public enum Kind {
    /** Every sample has a class index into the class names. */
    CLASSES,
    /** Every sample has a numeric value (a rank, a measurement). */
    VALUES,
    /** Every sample has a set of label indices into the names (possibly empty): multi-label. */
    LABELS
  }

  /** Copies the lists and checks every sample's label against the kind and the class names. */
  public DataSet {
    classNames = List.copyOf(classNames);
    samples = List.copyOf(samples);
    if (kind != Kind.VALUES && classNames.isEmpty()) {
      throw new IllegalArgumentException("a data set of " + (kind == Kind.CLASSES ? "classes"
          : "labels") + " needs their names");
    }
    if (new HashSet<>(classNames).size() != classNames.size()) {
      throw new IllegalArgumentException("class names repeat: " + classNames);
    }
    for (Sample s : samples) {
      if (kind == Kind.CLASSES && (!s.hasClass() || s.classIndex() >= classNames.size())) {
        throw new IllegalArgumentException("sample " + s.id() + " has class index " + s.classIndex()
            + ", outside the " + classNames.size() + " classes");
      }
      if (kind == Kind.VALUES && !s.hasValue()) {
        throw new IllegalArgumentException("sample " + s.id() + " has no value");
      }
      if (kind == Kind.LABELS && (s.hasClass()
          || !s.labels().isEmpty() && s.labels().get(s.labels().size() - 1) >= classNames.size())) {
        throw new IllegalArgumentException("sample " + s.id() + " has labels " + s.labels()
            + ", outside the " + classNames.size() + " labels");
      }
    }
  }

  /** Number of samples. */
  public int size() {
    return samples.size();
  }

  /** The same kind and class names with other samples. */
  public DataSet withSamples(List<Sample> other) {
    return new DataSet(kind, classNames, other);
  }

  /**
   * Samples per class (or carrying each label), by index (zero length for a data set of values).
   */
  public int[] classCounts() {
    int[] counts = new int[classNames.size()];
    for (Sample s : samples) {
      if (s.hasClass() && s.classIndex() < counts.length) {
        counts[s.classIndex()]++;
      }
      for (int label : s.labels()) {
        if (label < counts.length) {
          counts[label]++;
        }
      }
    }
    return counts;
  }
}
