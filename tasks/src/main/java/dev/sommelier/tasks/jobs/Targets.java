package dev.sommelier.tasks.jobs;

import dev.sommelier.tasks.data.DataSet;
import dev.sommelier.tasks.data.Sample;
import dev.sommelier.tasks.model.TaskKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits a data set's labels to a task: classes stay classes for classification, values stay values
 * for regression, label sets stay label sets for multi-label, and classes whose names are all numbers ({@code 1} .. {@code 5}, folders of
 * graded cucumbers) become those numbers for regression. Values cannot become classes.
 */
public final class Targets {

  private Targets() {}

  /** The task a data set's labels serve as they are. */
  public static TaskKind taskOf(DataSet data) {
    return switch (data.kind()) {
      case CLASSES -> TaskKind.CLASSIFICATION;
      case VALUES -> TaskKind.REGRESSION;
      case LABELS -> TaskKind.MULTILABEL;
    };
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
    if (task == TaskKind.MULTILABEL || data.kind() == DataSet.Kind.LABELS) {
      throw new IllegalArgumentException(task == TaskKind.MULTILABEL
          ? "multi-label training needs a CSV of labels (--csv-labels: file,labels with labels"
              + " separated by |, or one 0/1 column per label)"
          : "the data are labelled with sets of labels: train multi-label (--head multilabel),"
              + " or use a source of single classes");
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

  /**
   * {@code data}'s label sets renumbered to a model's label names, so that data which lack some
   * of its labels can be evaluated.
   *
   * @throws IllegalArgumentException for a label the model does not know
   */
  public static DataSet toLabels(DataSet data, List<String> modelLabels) {
    if (data.classNames().equals(modelLabels)) {
      return data;
    }
    int[] index = new int[data.classNames().size()];
    for (int j = 0; j < index.length; j++) {
      index[j] = modelLabels.indexOf(data.classNames().get(j));
      if (index[j] < 0) {
        throw new IllegalArgumentException("the data carry label '" + data.classNames().get(j)
            + "', which the model does not know; its labels: " + modelLabels);
      }
    }
    List<Sample> samples = new ArrayList<>(data.size());
    for (Sample s : data.samples()) {
      samples.add(Sample.ofLabels(s.id(), s.image(),
          s.labels().stream().map(l -> index[l]).toList()));
    }
    return new DataSet(DataSet.Kind.LABELS, modelLabels, samples);
  }
}
