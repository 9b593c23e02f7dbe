package dev.sommelier.tasks.jobs;

import dev.sommelier.tasks.data.DataSet;
import dev.sommelier.tasks.data.Sample;
import dev.sommelier.tasks.data.SkippedSample;
import dev.sommelier.tasks.eval.ClassificationEvaluation;
import dev.sommelier.tasks.eval.ErrorDistribution;
import dev.sommelier.tasks.eval.MultiLabelEvaluation;
import dev.sommelier.tasks.eval.RankEvaluation;
import dev.sommelier.tasks.eval.RankReport;
import dev.sommelier.tasks.eval.RankScale;
import dev.sommelier.tasks.eval.RankThresholds;
import dev.sommelier.tasks.eval.RegressionEvaluation;
import dev.sommelier.tasks.eval.ThresholdTuner;
import dev.sommelier.tasks.model.LabelsOutput;
import dev.sommelier.tasks.model.TaskKind;
import java.util.List;
import java.util.Locale;

/**
 * Turns {@link ModelOutputs} into an {@link EvaluationReport} with the {@code eval} package, and
 * names the keys under which training leaves the tuned rank cut points in a model card.
 */
public final class Evaluator {

  /** Key of the tuned rank cut points in a model card's info. */
  public static final String RANK_THRESHOLDS = "rankThresholds";
  /** Key of the number of validation samples they were tuned on. */
  public static final String RANK_VALIDATION_SAMPLES = "rankValidationSamples";

  /** The k of the top-k accuracy (clamped to the number of classes). */
  static final int TOP_K = 5;

  private Evaluator() {}

  /** The classification report of {@code out} against {@code classNames}. */
  public static EvaluationReport classification(String part, ModelOutputs out,
      List<String> classNames) {
    return new EvaluationReport(part, TaskKind.CLASSIFICATION, out.ids().size(),
        ClassificationEvaluation.evaluate(out.classes(), out.outputs(), classNames, TOP_K),
        null, null, ids(out));
  }

  /**
   * The multi-label report of {@code out}, deciding each label at {@code thresholds} (empty: 0.5
   * each).
   */
  public static EvaluationReport multiLabel(String part, ModelOutputs out, List<String> labels,
      List<Float> thresholds) {
    return new EvaluationReport(part, TaskKind.MULTILABEL, out.ids().size(), null, null, null,
        ids(out), MultiLabelEvaluation.evaluate(out.labelTruth(labels.size()), out.outputs(),
            labels, new LabelsOutput(labels, thresholds).thresholds()));
  }

  /** Thresholds per label that maximise each label's F1 on {@code validation}'s outputs. */
  public static List<Float> tuneLabels(ModelOutputs validation, int labels) {
    return MultiLabelEvaluation.tuneThresholds(validation.labelTruth(labels),
        validation.outputs(), labels);
  }

  /**
   * The regression report of {@code out}, with the rank report when {@code thresholds} is given
   * and every target is a rank of its scale.
   *
   * @param thresholds cut points tuned on {@code validationSamples} validation samples, or null
   */
  public static EvaluationReport regression(String part, ModelOutputs out,
      RankThresholds thresholds, int validationSamples) {
    RankReport ranks = null;
    if (thresholds != null && fits(thresholds.scale(), out.values())) {
      RankScale scale = thresholds.scale();
      ranks = new RankReport(validationSamples, out.ids().size(),
          RankEvaluation.accuracy(scale, scale::round, out.values(), out.outputs()),
          RankEvaluation.accuracy(scale, thresholds::rank, out.values(), out.outputs()),
          thresholds, ErrorDistribution.byRank(scale, out.values(), out.outputs()));
    }
    return new EvaluationReport(part, TaskKind.REGRESSION, out.ids().size(), null,
        RegressionEvaluation.evaluate(out.values(), out.outputs()), ranks, ids(out));
  }

  /** One line of the main numbers of a report. */
  public static String headline(EvaluationReport r) {
    if (r.labels() != null) {
      return String.format(Locale.ROOT, "macro F1 %.4f, micro F1 %.4f, mAP %.4f, subset accuracy"
              + " %.4f", r.labels().macroF1(), r.labels().microF1(),
          r.labels().meanAveragePrecision(), r.labels().subsetAccuracy());
    }
    if (r.classification() != null) {
      return String.format(Locale.ROOT, "accuracy %.4f, macro F1 %.4f",
          r.classification().accuracy(), r.classification().macroF1());
    }
    String line = String.format(Locale.ROOT, "MAE %.4f, RMSE %.4f, R2 %.4f",
        r.regression().mae(), r.regression().rmse(), r.regression().r2());
    return r.ranks() == null ? line : line + String.format(Locale.ROOT,
        ", rank accuracy %.4f rounded, %.4f tuned", r.ranks().roundedAccuracy(),
        r.ranks().tunedAccuracy());
  }

  /** The ranks {@code min..max} of a data set whose values are all whole numbers, else null. */
  public static RankScale rankScale(DataSet data) {
    if (data.kind() != DataSet.Kind.VALUES || data.size() == 0) {
      return null;
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Sample s : data.samples()) {
      float v = s.value();
      if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE / 2) {
        return null;
      }
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return new RankScale((int) min, (int) max);
  }

  /** Cut points tuned on {@code validation}'s outputs. */
  public static RankThresholds tune(RankScale scale, ModelOutputs validation) {
    return ThresholdTuner.tune(scale, validation.values(), validation.outputs());
  }

  private static List<String> ids(ModelOutputs out) {
    return out.skipped().stream().map(SkippedSample::id).toList();
  }

  private static boolean fits(RankScale scale, float[] values) {
    for (float v : values) {
      if (v != Math.rint(v) || v < scale.min() || v > scale.max()) {
        return false;
      }
    }
    return true;
  }
}
