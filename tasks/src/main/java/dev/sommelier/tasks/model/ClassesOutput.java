package dev.sommelier.tasks.model;

import dev.sommelier.heads.OutputFunction;
import dev.sommelier.tasks.data.pipeline.Batch;
import dev.sommelier.tasks.eval.ClassProbability;
import dev.sommelier.tasks.eval.PredictionDecoder;
import dev.sommelier.tasks.explain.CamTarget;
import dev.sommelier.tasks.predict.Prediction;
import java.util.List;

/**
 * One class out of k (softmax): one-hot targets, accuracy, predictions ranked by probability, and
 * the most probable class's logit explained by default.
 *
 * @param classNames class names in index order
 */
public record ClassesOutput(List<String> classNames) implements OutputKind {

  /** Copies the names. */
  public ClassesOutput {
    classNames = List.copyOf(classNames);
  }

  @Override
  public TaskKind task() {
    return TaskKind.CLASSIFICATION;
  }

  @Override
  public OutputFunction function() {
    return OutputFunction.SOFTMAX;
  }

  @Override
  public List<String> names() {
    return classNames;
  }

  @Override
  public int width() {
    return classNames.size();
  }

  @Override
  public float[] targets(Batch b) {
    int k = width();
    float[] targets = new float[b.size() * k];
    for (int i = 0; i < b.size(); i++) {
      targets[i * k + b.classIndices()[i]] = 1f;
    }
    return targets;
  }

  @Override
  public String metricName() {
    return "accuracy";
  }

  @Override
  public String metricTitle() {
    return "accuracy";
  }

  @Override
  public RunningMetric metric() {
    int k = width();
    return new RunningMetric() {
      private int correct;
      private int count;

      @Override
      public void add(float[] predictions, float[] targets, int n) {
        for (int i = 0; i < n; i++) {
          correct += argmax(predictions, i * k, k) == argmax(targets, i * k, k) ? 1 : 0;
        }
        count += n;
      }

      @Override
      public double value() {
        return count == 0 ? Double.NaN : (double) correct / count;
      }

      @Override
      public int count() {
        return count;
      }
    };
  }

  @Override
  public Prediction decode(String id, float[] row) {
    return Prediction.ofClasses(id, PredictionDecoder.decode(row, classNames));
  }

  @Override
  public CamTarget defaultCamTarget() {
    return CamTarget.predictedClass();
  }

  @Override
  public int[] explained(float[] row, int top) {
    return PredictionDecoder.decode(row, classNames).stream().limit(Math.max(1, top))
        .mapToInt(ClassProbability::index).toArray();
  }

  @Override
  public void check(CamTarget target) {
    target.check(true, width());
  }

  private static int argmax(float[] a, int from, int k) {
    int best = 0;
    for (int j = 1; j < k; j++) {
      if (a[from + j] > a[from + best]) {
        best = j;
      }
    }
    return best;
  }
}
