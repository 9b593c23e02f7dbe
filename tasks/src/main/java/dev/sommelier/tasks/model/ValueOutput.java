package dev.sommelier.tasks.model;

import dev.sommelier.heads.OutputFunction;
import dev.sommelier.tasks.data.pipeline.Batch;
import dev.sommelier.tasks.explain.CamTarget;
import dev.sommelier.tasks.predict.Prediction;
import java.util.Arrays;
import java.util.List;

/**
 * One value (regression): the value as its own target, mean absolute error, and what raises the
 * value explained by default.
 */
public record ValueOutput() implements OutputKind {

  @Override
  public TaskKind task() {
    return TaskKind.REGRESSION;
  }

  @Override
  public OutputFunction function() {
    return OutputFunction.LINEAR;
  }

  @Override
  public List<String> names() {
    return List.of();
  }

  @Override
  public int width() {
    return 1;
  }

  @Override
  public float[] targets(Batch b) {
    return Arrays.copyOf(b.values(), b.size());
  }

  @Override
  public String metricName() {
    return "mae";
  }

  @Override
  public String metricTitle() {
    return "MAE";
  }

  @Override
  public RunningMetric metric() {
    return new RunningMetric() {
      private double sum;
      private int count;

      @Override
      public void add(float[] predictions, float[] targets, int n) {
        for (int i = 0; i < n; i++) {
          sum += Math.abs(predictions[i] - targets[i]);
        }
        count += n;
      }

      @Override
      public double value() {
        return count == 0 ? Double.NaN : sum / count;
      }

      @Override
      public int count() {
        return count;
      }
    };
  }

  @Override
  public Prediction decode(String id, float[] row) {
    return Prediction.ofValue(id, row[0]);
  }

  @Override
  public CamTarget defaultCamTarget() {
    return CamTarget.value(true);
  }

  @Override
  public int[] explained(float[] row, int top) {
    return new int[] {0};
  }

  @Override
  public void check(CamTarget target) {
    target.check(false, width());
  }
}
