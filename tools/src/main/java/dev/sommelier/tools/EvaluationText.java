package dev.sommelier.tools;

import dev.sommelier.tasks.eval.ClassificationReport;
import dev.sommelier.tasks.eval.ConfusionMatrixText;
import dev.sommelier.tasks.eval.LabelMetrics;
import dev.sommelier.tasks.eval.MultiLabelReport;
import dev.sommelier.tasks.eval.RankReport;
import dev.sommelier.tasks.eval.RegressionReport;
import dev.sommelier.tasks.jobs.EvaluationReport;
import java.io.PrintWriter;
import java.util.Locale;

/** The few lines of an evaluation the train and evaluate commands print. */
final class EvaluationText {

  private EvaluationText() {}

  /**
   * Prints the main numbers and, for classification, the confusion matrix; for ranks, the rank
   * accuracies and the tuned cut points; for labels, a table of per-label numbers.
   */
  static void print(PrintWriter out, EvaluationReport r) {
    String part = r.part().substring(0, 1).toUpperCase(Locale.ROOT) + r.part().substring(1);
    MultiLabelReport m = r.labels();
    if (m != null) {
      out.printf(Locale.ROOT, "%s (%s): macro F1 %.4f, micro F1 %.4f, mAP %.4f, subset accuracy"
              + " %.4f, Hamming loss %.4f, labels per image %.2f true %.2f predicted%n", part,
          images(r), m.macroF1(), m.microF1(), m.meanAveragePrecision(), m.subsetAccuracy(),
          m.hammingLoss(), m.labelCardinality(), m.predictedCardinality());
      out.println();
      out.println(String.format(Locale.ROOT, "%-16s %9s %9s %9s %9s %9s %8s", "label",
          "threshold", "precision", "recall", "F1", "AP", "support"));
      for (LabelMetrics l : m.labels()) {
        out.println(String.format(Locale.ROOT, "%-16s %9.3f %9.4f %9.4f %9.4f %9.4f %8d",
            l.name(), l.threshold(), l.precision(), l.recall(), l.f1(), l.averagePrecision(),
            l.support()));
      }
      return;
    }
    ClassificationReport c = r.classification();
    if (c != null) {
      int classes = c.perClass().size();
      out.printf(Locale.ROOT, "%s (%s): accuracy %.4f%s, macro F1 %.4f%n", part,
          images(r), c.accuracy(), c.topK() < classes
              ? String.format(Locale.ROOT, ", top-%d %.4f", c.topK(), c.topKAccuracy()) : "",
          c.macroF1());
      out.println();
      out.println(ConfusionMatrixText.render(c.confusionMatrix()));
      return;
    }
    RegressionReport g = r.regression();
    out.printf(Locale.ROOT, "%s (%s): MAE %.4f, RMSE %.4f, R2 %.4f, mean error %+.4f%n",
        part, images(r), g.mae(), g.rmse(), g.r2(), g.meanError());
    RankReport k = r.ranks();
    if (k != null) {
      out.printf(Locale.ROOT, "Ranks %d..%d: accuracy %.4f rounded, %.4f with cut points %s tuned"
              + " on %d validation images%n", k.thresholds().scale().min(),
          k.thresholds().scale().max(), k.roundedAccuracy(), k.tunedAccuracy(),
          k.thresholds().cutPoints().stream()
              .map(p -> String.format(Locale.ROOT, "%.3f", p)).toList(),
          k.validationSamples());
    }
  }

  /** {@code 13 images}, or {@code 13 of 14 images, 1 unreadable} when the part lost some. */
  private static String images(EvaluationReport r) {
    int lost = r.skippedFiles().size();
    return lost == 0 ? r.samples() + " images"
        : r.samples() + " of " + (r.samples() + lost) + " images, " + lost + " unreadable";
  }
}
