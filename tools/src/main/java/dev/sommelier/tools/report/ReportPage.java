package dev.sommelier.tools.report;

import dev.sommelier.tasks.data.augment.AugmentationConfig;
import dev.sommelier.tasks.jobs.DataSummary;
import dev.sommelier.tasks.jobs.EvaluationReport;
import dev.sommelier.tasks.jobs.SkippedFiles;
import dev.sommelier.tasks.jobs.train.TrainResult;
import dev.sommelier.tasks.train.EpochResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report page of a run: what was trained and how it did (headline metrics), the plots, the
 * metrics in detail, the epochs, the data and its split, the augmentation and augmented training
 * images, the timings, every setting, and the Grad-CAM contact sheets.
 */
final class ReportPage {

  private ReportPage() {}

  /**
   * The page's HTML.
   *
   * @param plots the run's plots, in page order
   * @param augmentedSamples the picture of augmented training images, or null for none
   * @param contactSheets the Grad-CAM contact sheet pages; empty for none
   */
  static String html(RunFolder run, List<Figure> plots, Figure augmentedSamples,
      List<Figure> contactSheets) {
    TrainResult r = run.result();
    EvaluationReport e = r.evaluation();
    String name = run.dir().toAbsolutePath().normalize().getFileName().toString();
    Html page = new Html("Sommelier run " + name);
    page.h1("Training run " + name);
    page.subtitle(String.format(Locale.ROOT, "%s · backbone %s at %s px · %s head · %d epochs,"
            + " weights of epoch %d · evaluated on the %s part (%s images)",
        r.settings().get("task"), r.settings().get("backbone"), r.settings().get("inputSize"),
        r.settings().get("head"), r.epochs().size(), r.bestEpoch(), e.part(),
        Format.count(e.samples())));
    page.cards(EvaluationSection.headline(e));
    page.h2("Plots");
    plots.forEach(page::figure);
    if (run.result().evaluation().regression() != null && run.predictions() == null) {
      page.p("This run's folder has no " + RunFolder.PREDICTIONS_CSV + " (it was trained by an"
          + " older version), so predicted values are not plotted.");
    }
    page.h2("Metrics on the " + e.part() + " part");
    EvaluationSection.details(page, e);
    page.h2("Epochs");
    epochs(page, r, run.metricName());
    page.h2("Data");
    data(page, r, run.classification() ? "class" : run.labels() ? "label" : "value (rounded)");
    if (augmentedSamples != null) {
      page.h2("Augmentation");
      String spec = String.valueOf(r.settings().get("augment"));
      page.p("Training images were augmented (--augment " + spec + "); each operation runs on an"
          + " image with its probability:");
      page.list(AugmentationConfig.parse(spec).describe());
      page.figure(augmentedSamples);
    }
    page.h2("Timings");
    Map<String, String> timings = new LinkedHashMap<>();
    timings.put("whole run", Format.seconds(r.seconds()));
    timings.put("training epochs", Format.seconds(
        r.epochs().stream().mapToDouble(EpochResult::seconds).sum()));
    timings.put("train images per second", Format.rate(r.trainImagesPerSecond()));
    page.keyValues(timings);
    page.h2("Settings");
    Map<String, String> settings = new LinkedHashMap<>();
    r.settings().forEach((k, v) -> settings.put(k, Format.setting(v)));
    page.keyValues(settings);
    if (!contactSheets.isEmpty()) {
      page.h2("Grad-CAM");
      contactSheets.forEach(page::figure);
    }
    return page.finish();
  }

  private static void epochs(Html page, TrainResult r, String metric) {
    List<List<String>> rows = new ArrayList<>();
    int best = -1;
    for (EpochResult e : r.epochs()) {
      if (e.epoch() == r.bestEpoch()) {
        best = rows.size();
      }
      rows.add(List.of(Integer.toString(e.epoch()), Integer.toString(e.phase() + 1),
          Float.toString(e.learningRate()), Format.decimal(e.loss()),
          Format.decimal(e.metric()), Format.decimal(e.valLoss()), Format.decimal(e.valMetric()),
          Format.seconds(e.seconds()), Format.rate(e.imagesPerSecond())));
    }
    page.table(List.of("epoch", "phase", "learning rate", "loss", metric, "validation loss",
        "validation " + metric, "time", "images/s"), rows, best);
    page.p("The highlighted epoch's weights were kept.");
  }

  /**
   * Files found, images used and files left out, in all and per class with the images of each
   * part; the part sizes; the files left out by name. (An older run's report has no files left
   * out at the check and no parts per class.)
   */
  private static void data(Html page, TrainResult r, String label) {
    DataSummary d = r.data();
    page.p(Format.count(d.samples() + d.skipped()) + " files, " + Format.count(d.samples())
        + " images used" + (d.skipped() == 0 ? "" : "; left out because they cannot be decoded: "
            + Format.count(d.skipped()) + " (listed in " + SkippedFiles.FILE + ")")
        + ". SHA-256 of the used images' sorted names: " + d.sha256() + ".");
    List<String> header = new ArrayList<>(List.of(label, "files", "left out", "images used"));
    header.addAll(d.parts().keySet());
    List<List<String>> counts = new ArrayList<>();
    d.counts().forEach((name, used) -> {
      int left = d.skippedCounts().getOrDefault(name, 0);
      List<String> row = new ArrayList<>(List.of(name, Format.count(used + left),
          Format.count(left), Format.count(used)));
      d.parts().values().forEach(part -> row.add(Format.count(part.getOrDefault(name, 0))));
      counts.add(row);
    });
    page.table(header, counts, -1);
    List<List<String>> split = new ArrayList<>();
    r.split().forEach((part, n) -> split.add(List.of(part, Format.count(n))));
    page.table(List.of("part", "images"), split, -1);
    if (r.skippedFiles().isEmpty()) {
      page.p("Every image could be read.");
    } else {
      page.folded(r.skippedFiles().size() + " files could not be read and were left out",
          r.skippedFiles());
    }
  }
}
