package dev.sommelier.tasks.jobs;

import dev.sommelier.tasks.data.DataSet;
import dev.sommelier.tasks.data.Sample;
import dev.sommelier.tasks.model.TaskKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits a data set's labels to a task: classes stay classes for classification, values stay values
 * for regression, and classes whose names are all numbers ({@code 1} .. {@code 5}, folders of
 * graded cucumbers) become those numbers for regression. Values cannot become classes.
 */
public final class Targets {

  private Targets() {}

  /** The task a data set's labels serve as they are. */
  public static TaskKind taskOf(DataSet data) {
    return data.kind() == DataSet.Kind.VALUES ? TaskKind.REGRESSION : TaskKind.CLASSIFICATION;
  }

  /**
   * {@code data} labelled for {@code task}.
   *
   * @throws IllegalArgumentException for values asked to be classes, or class names that are not
   *     numbers asked to be values
   */
  public static DataSet forTask(DataSet data, TaskKind task) {
    if (taskOf(data) == task) {
      return data;
    }
    if (task == TaskKind.CLASSIFICATION) {
      throw new IllegalArgumentException(
          "the data are labelled with values, not classes: train a regression, or use a source of"
              + " classes (class folders, file names, a CSV of classes)");
    }
    float[] values = new float[data.classNames().size()];
    for (int c = 0; c < values.length; c++) {
      String name = data.classNames().get(c);
      try {
        values[c] = Float.parseFloat(name);
      } catch (NumberFormatException e) {
        values[c] = Float.NaN;
      }
      if (!Float.isFinite(values[c])) {
        throw new IllegalArgumentException("regression on classes needs class names that are"
            + " numbers (such as 1 .. 5), but '" + name + "' is not; classes: "
            + data.classNames());
      }
    }
    List<Sample> samples = new ArrayList<>(data.size());
    for (Sample s : data.samples()) {
      samples.add(Sample.ofValue(s.id(), s.image(), values[s.classIndex()]));
    }
    return new DataSet(DataSet.Kind.VALUES, List.of(), samples);
  }
}
