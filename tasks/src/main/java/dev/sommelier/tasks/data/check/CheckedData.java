package dev.sommelier.tasks.data.check;

import dev.sommelier.tasks.data.DataSet;
import dev.sommelier.tasks.data.SkippedSample;
import java.util.List;

/**
 * A data set after {@link ImageCheck}: the samples whose image decodes, and the samples left out
 * with the reason for each.
 *
 * @param usable the samples whose image decoded, in the data set's order, with its kind and class
 *     names
 * @param skipped the samples whose image did not decode, in the data set's order
 */
public record CheckedData(DataSet usable, List<SkippedSample> skipped) {

  /** Copies the list. */
  public CheckedData {
    skipped = List.copyOf(skipped);
  }

  /**
   * A data set taken as it is, for sources whose every sample is known to read (CIFAR records,
   * checked to be whole when the file is opened).
   */
  public static CheckedData unchecked(DataSet data) {
    return new CheckedData(data, List.of());
  }

  /** Samples found: usable and skipped. */
  public int found() {
    return usable.size() + skipped.size();
  }
}
