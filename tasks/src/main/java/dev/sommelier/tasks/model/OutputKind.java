package dev.sommelier.tasks.model;

import dev.sommelier.heads.OutputFunction;
import dev.sommelier.tasks.data.pipeline.Batch;
import dev.sommelier.tasks.explain.CamTarget;
import dev.sommelier.tasks.predict.Prediction;
import java.util.List;

/**
 * What a model's output is, in one place: how a batch's labels become targets, how an output row
 * becomes a {@link Prediction}, the metric training shows, and what an explanation explains by
 * default. The head's {@link OutputFunction} (activation and loss) is the graph half of the same
 * choice; {@link #of} pairs them. Implementations: {@link ClassesOutput} (softmax), {@link
 * ValueOutput} (one value), {@link LabelsOutput} (sigmoid labels).
 */
public sealed interface OutputKind permits ClassesOutput, ValueOutput, LabelsOutput {

  /** The output kind of a model of {@code config}. */
  static OutputKind of(ModelConfig config) {
    return switch (config.head().output()) {
      case SOFTMAX -> new ClassesOutput(config.classes());
      case LINEAR -> new ValueOutput();
      case SIGMOID -> new LabelsOutput(config.classes(), config.thresholds());
    };
  }

  /** The task this output serves. */
  TaskKind task();

  /** The output function a head for this task ends in. */
  OutputFunction function();

  /** The class or label names in index order; empty for a value. */
  List<String> names();

  /** Width of a target and an output row. */
  int width();

  /** The targets of a batch, {@code size * width()} floats in the batch's order. */
  float[] targets(Batch batch);

  /** The training metric's name in logs and {@code epochs.csv}: {@code accuracy}, ... */
  String metricName();

  /** The training metric as people read it: {@code accuracy}, {@code MAE}, {@code micro F1}. */
  String metricTitle();

  /** A fresh running metric. */
  RunningMetric metric();

  /** The prediction of one output row ({@code width()} floats). */
  Prediction decode(String id, float[] row);

  /** What an explanation without a stated target explains. */
  CamTarget defaultCamTarget();

  /**
   * The outputs an explanation without a stated target explains in an image whose output row is
   * {@code row}, in order of probability: the {@code top} most probable classes, the value, or the
   * labels at or over their thresholds, filled up with the most probable others to at least
   * {@code top}.
   */
  int[] explained(float[] row, int top);

  /**
   * Checks that {@code target} can be explained on this output.
   *
   * @throws IllegalArgumentException saying why not
   */
  void check(CamTarget target);
}
