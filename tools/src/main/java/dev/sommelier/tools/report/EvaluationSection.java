package dev.sommelier.tools.report;

import dev.sommelier.tasks.eval.ClassMetrics;
import dev.sommelier.tasks.eval.ClassificationReport;
import dev.sommelier.tasks.eval.LabelMetrics;
import dev.sommelier.tasks.eval.MultiLabelReport;
import dev.sommelier.tasks.eval.RankErrors;
import dev.sommelier.tasks.eval.RankReport;
import dev.sommelier.tasks.eval.RegressionReport;
import dev.sommelier.tasks.jobs.EvaluationReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The final metrics of a run on the report page: the headline numbers as cards, then per-class
 * precision, recall and F1 (classification) or the rank accuracies, cut points and errors per rank
 * (regression on ranks).
 */
final class EvaluationSection {

  private EvaluationSection() {}

  /** The headline numbers of {@code e}, name to value. */
  static Map<String, String> headline(EvaluationReport e) {
    Map<String, String> cards = new LinkedHashMap<>();
    MultiLabelReport m = e.labels();
    if (m != null) {
      cards.put("macro F1", Format.decimal(m.macroF1()));
      cards.put("micro F1", Format.decimal(m.microF1()));
      cards.put("mean average precision", Format.decimal(m.meanAveragePrecision()));
      cards.put("subset accuracy", Format.decimal(m.subsetAccuracy()));
      cards.put("Hamming loss", Format.decimal(m.hammingLoss()));
      return cards;
    }
    ClassificationReport c = e.classification();
    if (c != null) {
      cards.put("accuracy", Format.decimal(c.accuracy()));
      if (c.topK() < c.perClass().size()) {
        cards.put("top-" + c.topK() + " accuracy", Format.decimal(c.topKAccuracy()));
      }
      cards.put("macro F1", Format.decimal(c.macroF1()));
      cards.put("weighted F1", Format.decimal(c.weightedF1()));
      return cards;
    }
    RegressionReport g = e.regression();
    cards.put("MAE", Format.decimal(g.mae()));
    cards.put("RMSE", Format.decimal(g.rmse()));
    cards.put("R²", Format.decimal(g.r2()));
    cards.put("mean error (bias)", Format.signed(g.meanError()));
    RankReport r = e.ranks();
    if (r != null) {
      cards.put("rank accuracy, rounded", Format.decimal(r.roundedAccuracy()));
      cards.put("rank accuracy, tuned cut points", Format.decimal(r.tunedAccuracy()));
    }
    return cards;
  }

  /** Writes the detail tables of {@code e}. */
  static void details(Html page, EvaluationReport e) {
    page.p(Format.count(e.samples()) + " images of the " + e.part() + " part were evaluated"
        + (e.skippedFiles().isEmpty() ? "." : "; " + e.skippedFiles().size()
            + " could not be read."));
    if (e.labels() != null) {
      perLabel(page, e.labels());
    } else if (e.classification() != null) {
      perClass(page, e.classification());
    } else if (e.ranks() != null) {
      ranks(page, e.ranks());
    }
  }

  private static void perClass(Html page, ClassificationReport c) {
    List<List<String>> rows = new ArrayList<>();
    for (ClassMetrics m : c.perClass()) {
      rows.add(List.of(m.name(), Format.decimal(m.precision()), Format.decimal(m.recall()),
          Format.decimal(m.f1()), Format.count(m.support())));
    }
    page.table(List.of("class", "precision", "recall", "F1", "images"), rows, -1);
  }

  private static void perLabel(Html page, MultiLabelReport m) {
    List<List<String>> rows = new ArrayList<>();
    for (LabelMetrics l : m.labels()) {
      rows.add(List.of(l.name(), Format.decimal(l.threshold()), Format.decimal(l.precision()),
          Format.decimal(l.recall()), Format.decimal(l.f1()), Format.decimal(l.averagePrecision()),
          Format.count(l.support())));
    }
    page.table(List.of("label", "threshold", "precision", "recall", "F1", "average precision",
        "images"), rows, -1);
    page.p(String.format(java.util.Locale.ROOT, "Labels per image: %.2f true, %.2f predicted.",
        m.labelCardinality(), m.predictedCardinality()));
  }

  private static void ranks(Html page, RankReport r) {
    page.p("Ranks " + r.thresholds().scale().min() + " to " + r.thresholds().scale().max()
        + ": cut points " + String.join(", ", r.thresholds().cutPoints().stream()
            .map(Format::decimal).toList()) + ", tuned on " + r.validationSamples()
        + " validation images.");
    List<List<String>> rows = new ArrayList<>();
    for (RankErrors k : r.testErrors()) {
      rows.add(List.of(Integer.toString(k.rank()), Format.count(k.count()),
          Format.signed(k.meanError()), Format.signed(k.min()), Format.signed(k.q1()),
          Format.signed(k.median()), Format.signed(k.q3()), Format.signed(k.max())));
    }
    page.table(List.of("true rank", "images", "mean error", "min", "first quartile", "median",
        "third quartile", "max"), rows, -1);
  }
}
