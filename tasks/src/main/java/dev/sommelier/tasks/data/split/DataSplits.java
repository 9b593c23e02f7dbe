package dev.sommelier.tasks.data.split;

import dev.sommelier.tasks.data.DataSet;
import java.util.List;

/**
 * A data set split for training: train, validation and test, all with the same kind and class
 * names. A part that was not asked for (a {@code 6:4} split has no test part) is empty.
 */
public record DataSplits(DataSet train, DataSet validation, DataSet test) {

  /** Checks that the parts agree on kind and class names. */
  public DataSplits {
    for (DataSet other : List.of(validation, test)) {
      if (other.kind() != train.kind() || !other.classNames().equals(train.classNames())) {
        throw new IllegalArgumentException("split parts disagree: train has " + train.kind() + " "
            + train.classNames() + ", another part " + other.kind() + " " + other.classNames());
      }
    }
  }

  /** The stratified, seeded split of {@code data} by {@code ratios} (train, validation, test). */
  public static DataSplits stratified(DataSet data, SplitRatios ratios, long seed) {
    List<DataSet> parts = StratifiedSplitter.split(data, ratios, seed);
    DataSet empty = data.withSamples(List.of());
    return new DataSplits(parts.get(0), parts.size() > 1 ? parts.get(1) : empty,
        parts.size() > 2 ? parts.get(2) : empty);
  }
}
