package dev.sommelier.tasks.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Evaluates multi-label probabilities against the true label sets: per-label precision, recall,
 * F1 and average precision; micro and macro F1; mean average precision; subset accuracy; Hamming
 * loss; label cardinality of truth and prediction. Also tunes a threshold per label.
 */
public final class MultiLabelEvaluation {

  private MultiLabelEvaluation() {}

  /**
   * The report of {@code n} samples.
   *
   * @param truth {@code n * k}: 1 where the sample carries the label, else 0
   * @param probabilities {@code n * k} model probabilities
   * @param names the k label names
   * @param thresholds the k decision thresholds
   */
  public static MultiLabelReport evaluate(float[] truth, float[] probabilities, List<String> names,
      List<Float> thresholds) {
    int k = names.size();
    int n = truth.length / k;
    if (truth.length != probabilities.length || n * k != truth.length || thresholds.size() != k) {
      throw new IllegalArgumentException(truth.length + " truths, " + probabilities.length
          + " probabilities, " + thresholds.size() + " thresholds for " + k + " labels");
    }
    long tpAll = 0;
    long fpAll = 0;
    long fnAll = 0;
    long wrong = 0;
    long exact = 0;
    long trueCount = 0;
    long predictedCount = 0;
    long[] tp = new long[k];
    long[] fp = new long[k];
    long[] fn = new long[k];
    for (int i = 0; i < n; i++) {
      boolean same = true;
      for (int j = 0; j < k; j++) {
        boolean present = truth[i * k + j] > 0.5f;
        boolean predicted = probabilities[i * k + j] >= thresholds.get(j);
        tp[j] += present && predicted ? 1 : 0;
        fp[j] += !present && predicted ? 1 : 0;
        fn[j] += present && !predicted ? 1 : 0;
        trueCount += present ? 1 : 0;
        predictedCount += predicted ? 1 : 0;
        if (present != predicted) {
          wrong++;
          same = false;
        }
      }
      exact += same ? 1 : 0;
    }
    List<LabelMetrics> labels = new ArrayList<>();
    double f1Sum = 0;
    double apSum = 0;
    int apLabels = 0;
    for (int j = 0; j < k; j++) {
      tpAll += tp[j];
      fpAll += fp[j];
      fnAll += fn[j];
      double precision = ratio(tp[j], tp[j] + fp[j]);
      double recall = ratio(tp[j], tp[j] + fn[j]);
      double f1 = f1(tp[j], fp[j], fn[j]);
      float[] score = column(probabilities, j, k, n);
      float[] label = column(truth, j, k, n);
      List<LabelMetrics.CurvePoint> curve = curve(score, label);
      double ap = averagePrecision(curve, tp[j] + fn[j]);
      labels.add(new LabelMetrics(names.get(j), thresholds.get(j), tp[j] + fn[j], tp[j] + fp[j],
          precision, recall, f1, ap, curve));
      f1Sum += f1;
      if (!Double.isNaN(ap)) {
        apSum += ap;
        apLabels++;
      }
    }
    return new MultiLabelReport(n, labels, f1(tpAll, fpAll, fnAll), f1Sum / k,
        apLabels == 0 ? Double.NaN : apSum / apLabels, ratio(exact, n),
        ratio(wrong, (long) n * k), ratio(trueCount, n), ratio(predictedCount, n));
  }

  /**
   * Per label, the threshold that maximises its F1 on these samples: the midpoint between the
   * lowest probability predicted positive at the best cut and the next lower one; 0.5 for a label
   * no sample carries.
   */
  public static List<Float> tuneThresholds(float[] truth, float[] probabilities, int k) {
    int n = truth.length / k;
    List<Float> out = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      float[] score = column(probabilities, j, k, n);
      float[] label = column(truth, j, k, n);
      Integer[] order = byScoreDescending(score);
      long positives = 0;
      for (float z : label) {
        positives += z > 0.5f ? 1 : 0;
      }
      if (positives == 0) {
        out.add(0.5f);
        continue;
      }
      long tp = 0;
      double bestF1 = -1;
      float best = 0.5f;
      for (int c = 0; c < n; c++) {
        tp += label[order[c]] > 0.5f ? 1 : 0;
        boolean cut = c == n - 1 || score[order[c + 1]] < score[order[c]];
        double f1 = f1(tp, c + 1 - tp, positives - tp);
        if (cut && f1 > bestF1) {
          bestF1 = f1;
          float below = c == n - 1 ? 0f : score[order[c + 1]];
          best = (score[order[c]] + below) / 2;
        }
      }
      out.add(Math.min(Math.max(best, 1e-6f), 1 - 1e-6f));
    }
    return out;
  }

  private static List<LabelMetrics.CurvePoint> curve(float[] score, float[] label) {
    Integer[] order = byScoreDescending(score);
    long positives = 0;
    for (float z : label) {
      positives += z > 0.5f ? 1 : 0;
    }
    List<LabelMetrics.CurvePoint> curve = new ArrayList<>();
    long tp = 0;
    for (int c = 0; c < order.length; c++) {
      tp += label[order[c]] > 0.5f ? 1 : 0;
      if (c == order.length - 1 || score[order[c + 1]] < score[order[c]]) {
        curve.add(new LabelMetrics.CurvePoint(score[order[c]], ratio(tp, c + 1),
            ratio(tp, positives)));
      }
    }
    return curve;
  }

  private static double averagePrecision(List<LabelMetrics.CurvePoint> curve, long positives) {
    if (positives == 0) {
      return Double.NaN;
    }
    double ap = 0;
    double previousRecall = 0;
    for (LabelMetrics.CurvePoint p : curve) {
      ap += (p.recall() - previousRecall) * p.precision();
      previousRecall = p.recall();
    }
    return ap;
  }

  private static Integer[] byScoreDescending(float[] score) {
    Integer[] order = new Integer[score.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Float.compare(score[b], score[a]));
    return order;
  }

  private static float[] column(float[] rows, int j, int k, int n) {
    float[] c = new float[n];
    for (int i = 0; i < n; i++) {
      c[i] = rows[i * k + j];
    }
    return c;
  }

  private static double f1(long tp, long fp, long fn) {
    return ratio(2 * tp, 2 * tp + fp + fn);
  }

  private static double ratio(long a, long b) {
    return b == 0 ? 0 : (double) a / b;
  }
}
