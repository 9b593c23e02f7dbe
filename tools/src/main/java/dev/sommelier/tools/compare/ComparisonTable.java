package dev.sommelier.tools.compare;

import dev.sommelier.tasks.eval.ClassificationReport;
import dev.sommelier.tasks.eval.RegressionReport;
import dev.sommelier.tasks.explain.pointing.PointingGame;
import dev.sommelier.tasks.jobs.EvaluationReport;
import dev.sommelier.tasks.train.FeatureUse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The comparison as a table of text cells, one row per run, the best run's name starred: the same
 * cells for the terminal and the HTML page. Where the explanations were scored against object
 * boxes, a last column gives each run's pointing game (the rate, and hits of images with boxes).
 *
 * @param header the column titles
 * @param rows one row of cells per run, in run order
 * @param numeric the columns that hold numbers (right-aligned)
 * @param best the best run's row
 */
public record ComparisonTable(List<String> header, List<List<String>> rows, int[] numeric,
    int best) {

  /** The table of {@code r}. */
  public static ComparisonTable of(ComparisonResult r) {
    boolean classes = r.classification();
    List<String> header = new ArrayList<>(List.of("run", "backbone", "weights", "size",
        "training", "params", "trained", "MFLOPs/img", "train s", "img/s", "peak MiB"));
    int firstMetric = header.size();
    if (classes) {
      int k = r.runs().get(0).evaluation().classification().topK();
      header.addAll(List.of("accuracy", "95 % interval", "macro F1", "top-" + k));
    } else {
      header.addAll(List.of("MAE", "RMSE", "R²", "rank accuracy"));
    }
    Map<String, PointingGame> pointing = r.explanations().stream()
        .filter(e -> e.pointingGame() != null)
        .collect(Collectors.toMap(RunExplanations::run, RunExplanations::pointingGame));
    if (!pointing.isEmpty()) {
      header.add("pointing");
    }
    List<List<String>> rows = new ArrayList<>();
    int best = 0;
    for (int i = 0; i < r.runs().size(); i++) {
      ComparedRun c = r.runs().get(i);
      best = c.best() ? i : best;
      List<String> row = new ArrayList<>(List.of((c.best() ? "* " : "") + c.name(), c.backbone(),
          c.weights().length() > 24 ? "file" : c.weights(), String.valueOf(c.inputSize()),
          c.training(), String.format(Locale.ROOT, "%,d", c.totalParameters()),
          String.format(Locale.ROOT, "%,d", c.trainedParameters()),
          String.format(Locale.ROOT, "%.1f", c.flopsPerImage() / 1e6),
          String.format(Locale.ROOT, "%.1f", c.trainingSeconds()),
          String.format(Locale.ROOT, "%.1f", c.trainImagesPerSecond()),
          c.peakMemoryBytes() == null ? "-"
              : String.valueOf(Math.round(c.peakMemoryBytes() / 1048576.0))));
      row.addAll(metrics(c));
      if (!pointing.isEmpty()) {
        PointingGame p = pointing.get(c.name());
        row.add(p == null ? "-" : String.format(Locale.ROOT, "%.3f (%d/%d)", p.rate(), p.hits(),
            p.images()));
      }
      rows.add(row);
    }
    // from the parameters on, every column but the interval's holds a number
    int interval = classes ? firstMetric + 1 : -1;
    int[] numeric = IntStream.range(5, header.size()).filter(col -> col != interval).toArray();
    return new ComparisonTable(header, rows, numeric, best);
  }

  /** One line on the features: backbone passes and reuses in this invocation. */
  public static String featureLine(ComparisonResult r) {
    List<FeatureUse> uses = r.featureUses();
    long computed = uses.stream().filter(FeatureUse::computed).count();
    long reused = uses.size() - computed;
    double saved = uses.stream().filter(u -> !u.computed()).mapToDouble(FeatureUse::seconds).sum();
    double spent = uses.stream().filter(FeatureUse::computed).mapToDouble(FeatureUse::seconds)
        .sum();
    return String.format(Locale.ROOT, "Backbone features for head-only training: computed %d"
        + " time(s) (%.1f s), reused %d time(s) (%.2f s to read back).", computed, spent, reused,
        saved);
  }

  private static List<String> metrics(ComparedRun c) {
    EvaluationReport e = c.evaluation();
    if (e.classification() != null) {
      ClassificationReport k = e.classification();
      return List.of(f4(k.accuracy()), String.format(Locale.ROOT, "%.3f-%.3f",
          c.accuracy().lower(), c.accuracy().upper()), f4(k.macroF1()), f4(k.topKAccuracy()));
    }
    RegressionReport g = e.regression();
    return List.of(f4(g.mae()), f4(g.rmse()), f4(g.r2()),
        e.ranks() == null ? "-" : f4(e.ranks().tunedAccuracy()));
  }

  private static String f4(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
