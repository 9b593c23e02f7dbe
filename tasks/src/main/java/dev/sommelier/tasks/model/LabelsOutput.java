package dev.sommelier.tasks.model;

import dev.sommelier.heads.OutputFunction;
import dev.sommelier.tasks.data.pipeline.Batch;
import dev.sommelier.tasks.eval.ClassProbability;
import dev.sommelier.tasks.eval.PredictionDecoder;
import dev.sommelier.tasks.explain.CamTarget;
import dev.sommelier.tasks.predict.Prediction;
import java.util.ArrayList;
import java.util.List;

/**
 * Any number of k labels (sigmoid): a 0/1 target per label, micro F1 at the decision thresholds,
 * predictions with every label's probability and the labels at or over their threshold, and the
 * most probable label's logit explained by default; an explanation job explains each label at or
 * over its threshold ({@link #explained}; a chosen label's logit with {@link
 * CamTarget#classLogit}).
 *
 * @param labelNames label names in index order
 * @param thresholds the decision threshold of each label
 */
public record LabelsOutput(List<String> labelNames, List<Float> thresholds) implements OutputKind {

  /** The threshold of a label none was chosen for. */
  public static final float DEFAULT_THRESHOLD = 0.5f;

  /** Copies the lists; empty thresholds mean {@value #DEFAULT_THRESHOLD} for every label. */
  public LabelsOutput {
    labelNames = List.copyOf(labelNames);
    thresholds = thresholds == null || thresholds.isEmpty()
        ? defaultThresholds(labelNames.size()) : List.copyOf(thresholds);
    if (thresholds.size() != labelNames.size()) {
      throw new IllegalArgumentException(thresholds.size() + " thresholds for "
          + labelNames.size() + " labels " + labelNames);
    }
  }

  /** {@value #DEFAULT_THRESHOLD} for each of {@code k} labels. */
  public static List<Float> defaultThresholds(int k) {
    return java.util.Collections.nCopies(k, DEFAULT_THRESHOLD);
  }

  @Override
  public TaskKind task() {
    return TaskKind.MULTILABEL;
  }

  @Override
  public OutputFunction function() {
    return OutputFunction.SIGMOID;
  }

  @Override
  public List<String> names() {
    return labelNames;
  }

  @Override
  public int width() {
    return labelNames.size();
  }

  @Override
  public float[] targets(Batch b) {
    int k = width();
    float[] targets = new float[b.size() * k];
    for (int i = 0; i < b.size(); i++) {
      for (int label : b.labels().get(i)) {
        targets[i * k + label] = 1f;
      }
    }
    return targets;
  }

  @Override
  public String metricName() {
    return "micro_f1";
  }

  @Override
  public String metricTitle() {
    return "micro F1";
  }

  @Override
  public RunningMetric metric() {
    int k = width();
    return new RunningMetric() {
      private long truePositives;
      private long falsePositives;
      private long falseNegatives;
      private int count;

      @Override
      public void add(float[] predictions, float[] targets, int n) {
        for (int i = 0; i < n * k; i++) {
          boolean predicted = predictions[i] >= thresholds.get(i % k);
          boolean present = targets[i] > 0.5f;
          truePositives += predicted && present ? 1 : 0;
          falsePositives += predicted && !present ? 1 : 0;
          falseNegatives += !predicted && present ? 1 : 0;
        }
        count += n;
      }

      @Override
      public double value() {
        if (count == 0) {
          return Double.NaN;
        }
        long denominator = 2 * truePositives + falsePositives + falseNegatives;
        return denominator == 0 ? 1 : 2.0 * truePositives / denominator;
      }

      @Override
      public int count() {
        return count;
      }
    };
  }

  @Override
  public Prediction decode(String id, float[] row) {
    List<ClassProbability> all = PredictionDecoder.decode(row, labelNames);
    List<ClassProbability> chosen = new ArrayList<>();
    for (ClassProbability p : all) {
      if (present(p)) {
        chosen.add(p);
      }
    }
    return Prediction.ofLabels(id, all, chosen);
  }

  private boolean present(ClassProbability p) {
    return p.probability() >= thresholds.get(p.index());
  }

  @Override
  public CamTarget defaultCamTarget() {
    return CamTarget.predictedClass();
  }

  @Override
  public int[] explained(float[] row, int top) {
    List<ClassProbability> ranked = PredictionDecoder.decode(row, labelNames);
    long present = ranked.stream().filter(this::present).count();
    int[] absentRank = {0};
    return ranked.stream()
        .filter(c -> present(c) || absentRank[0]++ < Math.max(1, top) - present)
        .mapToInt(ClassProbability::index).toArray();
  }

  @Override
  public void check(CamTarget target) {
    target.check(true, width());
  }
}
