package dev.sommelier.tasks.data;

import java.util.HashSet;
import java.util.List;

/**
 * Samples and what their labels mean: class names in index order for {@link Kind#CLASSES}, or
 * numeric values for {@link Kind#VALUES}.
 *
 * @param kind whether samples are labelled by class or by value
 * @param classNames class names, index order (empty for a data set of values)
 * @param samples the samples, in a stable order
 */
public record DataSet(Kind kind, List<String> classNames, List<Sample> samples) {

  /** What a data set's labels are. */
  public enum Kind {
    /** Every sample has a class index into the class names. */
    CLASSES,
    /** Every sample has a numeric value (a rank, a measurement). */
    VALUES
  }

  /** Copies the lists and checks every sample's label against the kind and the class names. */
  public DataSet {
    classNames = List.copyOf(classNames);
    samples = List.copyOf(samples);
    if (kind == Kind.CLASSES && classNames.isEmpty()) {
      throw new IllegalArgumentException("a data set of classes needs class names");
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

  /** Samples per class, by class index (all zero length for a data set of values). */
  public int[] classCounts() {
    int[] counts = new int[classNames.size()];
    for (Sample s : samples) {
      if (s.hasClass() && s.classIndex() < counts.length) {
        counts[s.classIndex()]++;
      }
    }
    return counts;
  }
}
