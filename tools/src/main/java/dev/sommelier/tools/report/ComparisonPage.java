package dev.sommelier.tools.report;

import dev.sommelier.core.AtomicFiles;
import dev.sommelier.tools.compare.ComparedRun;
import dev.sommelier.tools.compare.Comparison;
import dev.sommelier.tools.compare.ComparisonResult;
import dev.sommelier.tools.compare.ComparisonTable;
import dev.sommelier.tools.compare.ExplainedCell;
import dev.sommelier.tools.compare.RunExplanations;
import dev.sommelier.tools.compare.RunPair;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The comparison's page, {@code OUT/compare/index.html}: the table of runs (best marked), the
 * significance of their differences, every run's training curves on one plot, the headline
 * number against training time and FLOPs, the confusion matrices side by side, and the same test
 * images explained by every run. Self-contained; its plots are also written beside it as PNGs.
 */
public final class ComparisonPage {

  private ComparisonPage() {}

  /**
   * Writes the page of {@code r}, atomically.
   *
   * @return the page
   */
  public static Path write(ComparisonResult r) throws IOException {
    Path dir = r.out().resolve(Comparison.FOLDER);
    Figure curves = ComparisonCharts.curves(r);
    Figure cost = ComparisonCharts.cost(r);
    for (Figure f : List.of(curves, cost)) {
      AtomicFiles.write(dir.resolve(f.file()), out -> out.write(f.png()));
    }
    Html h = new Html("Comparison of " + r.runs().size() + " runs");
    h.h1("Which backbone? " + r.runs().size() + " runs compared");
    h.subtitle(r.data() + ", split " + r.split() + ", seed " + r.seed() + "; every run evaluated"
        + " on the same " + r.testImages() + " " + r.testPart() + " images");
    ComparisonTable t = ComparisonTable.of(r);
    h.table(t.header(), t.rows(), t.best());
    h.p("* marks the best " + (r.classification() ? "accuracy" : "MAE") + ". Parameters count"
        + " every scalar of the model (batch-norm statistics included), trained ones those some"
        + " phase updated; MFLOPs are the forward pass of one image (a multiply-add counts two);"
        + " training time is the epochs' time; peak memory is the process's peak resident size"
        + " while the run trained."
        + (r.classification() ? " Intervals are 95 % Wilson score intervals of the accuracy."
            : "")
        + (r.boxes() != null ? " Pointing is the pointing game: of the explained images with a"
            + " box in " + r.boxes() + ", those whose Grad-CAM peak falls inside it." : ""));
    if (!r.pairs().isEmpty()) {
      h.h2("Do the runs really differ?");
      h.p("McNemar's test on the paired answers: only the images one run gets right and the"
          + " other wrong count. Exact binomial test below 25 such images, chi-square with"
          + " continuity correction from 25 on. A p-value under 0.05 is a difference beyond"
          + " chance; above it, the gap between the accuracies may be chance on "
          + r.testImages() + " images.");
      List<List<String>> rows = new ArrayList<>();
      for (RunPair p : r.pairs()) {
        rows.add(List.of(p.first(), p.second(), String.valueOf(p.test().onlyFirst()),
            String.valueOf(p.test().onlySecond()), p.test().method(),
            String.format(Locale.ROOT, "%.4g", p.test().pValue()),
            p.test().significant() ? "differ" : "no evidence of a difference"));
      }
      h.table(List.of("first", "second", "only first right", "only second right", "test",
          "p", "verdict"), rows, -1);
    }
    h.p(ComparisonTable.featureLine(r));
    h.h2("Training curves").figure(curves);
    h.h2("Cost against result").figure(cost);
    if (r.classification()) {
      h.h2("Confusion matrices");
      List<Figure> matrices = new ArrayList<>();
      for (ComparedRun c : r.runs()) {
        Figure m = ConfusionMatrixChart.figure(c.evaluation().classification().confusionMatrix(),
            c.evaluation().part(), c.evaluation().samples());
        matrices.add(new Figure(m.file(), c.name(), c.name(), m.png()));
      }
      h.figureRow(matrices);
    }
    if (!r.explainedImages().isEmpty()) {
      explanations(h, r);
    }
    Path index = dir.resolve(RunReport.INDEX);
    byte[] html = h.finish().getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(index, out -> out.write(html));
    return index;
  }

  private static void explanations(Html h, ComparisonResult r) throws IOException {
    h.h2("The same images, explained by every run");
    h.p("One row per test image, one column per run: Grad-CAM at each model's default layer,"
        + " the run's answer and its probability. Under each run's name, the mean deletion AUC of"
        + " its maps (lower: deleting the pixels the map ranks first destroys the answer"
        + " sooner)"
        + (r.boxes() != null ? " and its pointing game (maps whose peak falls inside the"
            + " image's box, of the images with a box)" : "") + ".");
    List<String> header = new ArrayList<>(List.of("image (true class)"));
    for (RunExplanations e : r.explanations()) {
      header.add(e.problem() != null ? e.run() + " (not explained)"
          : String.format(Locale.ROOT, "%s (deletion AUC %.3f%s)", e.run(), e.meanDeletionAuc(),
              e.pointingGame() == null ? "" : String.format(Locale.ROOT, ", pointing %d/%d",
                  e.pointingGame().hits(), e.pointingGame().images())));
    }
    List<List<ImageCell>> rows = new ArrayList<>();
    for (int i = 0; i < r.explainedImages().size(); i++) {
      Path image = r.explainedImages().get(i);
      List<ImageCell> row = new ArrayList<>();
      BufferedImage original = ImageIO.read(image.toFile());
      row.add(new ImageCell(original == null ? null : ChartPng.png(original),
          image.getFileName() + " (" + r.trueClasses().get(i) + ")", null));
      for (RunExplanations e : r.explanations()) {
        if (e.problem() != null) {
          row.add(new ImageCell(null, e.problem(), null));
          continue;
        }
        ExplainedCell c = e.cells().get(i);
        row.add(new ImageCell(Files.readAllBytes(c.overlay()), String.format(Locale.ROOT,
            "%s %.2f, AUC %.3f%s", c.answer(), c.probability(), c.deletionAuc(),
            c.peakInBox() == null ? "" : c.peakInBox() ? ", peak in box" : ", peak off box"),
            c.correct()));
      }
      rows.add(row);
    }
    h.imageGrid(header, rows);
  }
}
