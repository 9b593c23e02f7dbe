package dev.sommelier.tools.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.core.AtomicFiles;
import dev.sommelier.tasks.eval.ClassificationReport;
import dev.sommelier.tasks.eval.RegressionReport;
import dev.sommelier.tasks.jobs.JobJson;
import dev.sommelier.tasks.jobs.train.AugmentedSamples;
import dev.sommelier.tasks.jobs.train.TrainResult;
import dev.sommelier.tasks.train.EpochResult;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RunReport} on run folders written from the real records by {@link ReportFixtures}. */
class ReportTest {

  private static final Pattern SRC_OR_HREF = Pattern.compile("(src|href)=\"([^\"]*)\"");

  @TempDir Path tmp;

  @Test
  void aClassificationRunGetsCurvesAConfusionMatrixAndOneSelfContainedPage() throws Exception {
    Path run = tmp.resolve("run");
    TrainResult r = ReportFixtures.classificationRun(run);
    ReportFiles files = RunReport.write(run);

    assertEquals(run.resolve("report/index.html"), files.index());
    assertEquals(List.of(run.resolve("report/training-curves.png"),
        run.resolve("report/confusion-matrix.png")), files.plots());
    BufferedImage curves = ImageIO.read(files.plots().get(0).toFile());
    assertEquals(2 * TrainingCurves.PANEL_WIDTH, curves.getWidth());
    assertEquals(TrainingCurves.HEIGHT, curves.getHeight());
    BufferedImage matrix = ImageIO.read(files.plots().get(1).toFile());
    assertTrue(matrix.getWidth() > 200 && matrix.getHeight() > 200,
        matrix.getWidth() + "x" + matrix.getHeight());

    String html = Files.readString(files.index(), StandardCharsets.UTF_8);
    assertSelfContained(html);
    for (Path plot : files.plots()) {
      assertTrue(html.contains(dataUri(plot)), plot + " is embedded as it was written");
    }
    assertTrue(html.contains("<td>circle</td>") && html.contains("<td>square</td>"), html);
    assertTrue(html.contains("star &amp; moon") && !html.contains("star & moon"), "escaped");
    ClassificationReport c = r.evaluation().classification();
    assertEquals("0.6667", decimal(c.accuracy()));
    assertTrue(html.contains(">0.6667</div><div class=\"k\">accuracy<"), "accuracy card");
    assertTrue(html.contains(decimal(c.macroF1())), "macro F1");
    assertTrue(html.contains("simple_cnn:blocks=2,width=4"), "settings");
    assertTrue(html.contains("2 files could not be read and were left out"), "skipped count");
    assertTrue(html.contains("<p>31 files, 30 images used; left out because they cannot be"
        + " decoded: 1 (listed in skipped-files.csv)."), "the data's counts");
    assertTrue(html.contains("<tr><th>class</th><th>files</th><th>left out</th>"
        + "<th>images used</th><th>train</th><th>validation</th><th>test</th></tr>"), html);
    assertTrue(html.contains("<tr><td>circle</td>" + numbers(11, 1, 10, 6, 2, 2) + "</tr>"),
        "circle: one file left out, 10 used, split 6:2:2");
    assertTrue(html.contains("<tr><td>square</td>" + numbers(10, 0, 10, 5, 2, 3) + "</tr>"),
        "square");
    ReportFixtures.SKIPPED.forEach(f -> assertTrue(html.contains(f), f));
    assertTrue(html.contains("<tr class=\"best\"><td class=\"n\">2</td>"), "best epoch marked");
    assertTrue(html.contains("200.0"), "train images per second");
    assertFalse(html.contains("Grad-CAM"), "no contact sheet without explain/");
    assertFalse(html.contains("Augmentation"), "no augmentation section without augmentation");
    assertNull(files.augmentedSamples());
  }

  @Test
  void anAugmentedRunShowsItsOperationsAndAugmentedSamples() throws Exception {
    Path run = tmp.resolve("run");
    TrainResult r = ReportFixtures.classificationRun(run);
    Map<String, Object> settings = new LinkedHashMap<>(r.settings());
    settings.put("augment", "flip,cutout:0.2");
    JobJson.write(r.report(), new TrainResult(r.out(), r.model(), r.report(), r.epochsCsv(),
        settings, r.data(), r.split(), r.epochs(), r.bestEpoch(), r.evaluation(),
        r.skippedFiles(), r.trainImagesPerSecond(), r.seconds()));
    Path samples = run.resolve(AugmentedSamples.FILE);
    AtomicFiles.writePng(samples, new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB));
    ReportFiles files = RunReport.write(run);

    assertEquals(samples, files.augmentedSamples());
    String html = Files.readString(files.index(), StandardCharsets.UTF_8);
    assertSelfContained(html);
    assertTrue(html.contains("<h2>Augmentation</h2>\n<p>Training images were augmented"
        + " (--augment flip,cutout:0.2)"), html);
    assertTrue(html.contains("<li>flip (probability 0.5): mirrored left to right</li>\n"
        + "<li>cutout (probability 0.5, strength 0.2): a rectangle of 5 to 20 % of each side"
        + " filled with the mean colour</li>"), html);
    assertTrue(html.contains(dataUri(samples)), "the samples embedded");
    assertTrue(html.indexOf(dataUri(samples)) > html.indexOf("<h2>Augmentation</h2>"));
  }

  @Test
  void aRegressionRunGetsPredictedAgainstTrueAndErrorBoxesPerRank() throws Exception {
    Path run = tmp.resolve("run");
    TrainResult r = ReportFixtures.regressionRun(run);
    ReportFiles files = RunReport.write(run);

    assertEquals(List.of("training-curves.png", "predicted-vs-true.png", "rank-errors.png"),
        files.plots().stream().map(p -> p.getFileName().toString()).toList());
    for (Path plot : files.plots()) {
      BufferedImage image = ImageIO.read(plot.toFile());
      assertNotNull(image, plot + " decodes");
      assertTrue(image.getWidth() > 0 && image.getHeight() > 0);
    }
    assertFalse(Files.exists(run.resolve("report/confusion-matrix.png")));
    String html = Files.readString(files.index(), StandardCharsets.UTF_8);
    assertSelfContained(html);
    files.plots().forEach(p -> assertTrue(html.contains(dataUri(p)), p.toString()));
    RegressionReport g = r.evaluation().regression();
    assertTrue(html.contains(">" + decimal(g.mae()) + "</div><div class=\"k\">MAE<"), "MAE");
    assertTrue(html.contains(decimal(g.rmse())), "RMSE");
    assertTrue(html.contains(decimal(r.evaluation().ranks().tunedAccuracy())), "ranks");
    assertTrue(html.contains("<th>true rank</th>"), "errors per rank table");
  }

  @Test
  void aRegressionRunWithoutPredictionsStillGetsItsCurves() throws Exception {
    Path run = tmp.resolve("run");
    ReportFixtures.regressionRun(run);
    Files.delete(run.resolve(RunFolder.PREDICTIONS_CSV));
    ReportFiles files = RunReport.write(run);
    assertEquals(List.of(run.resolve("report/training-curves.png")), files.plots());
    assertTrue(Files.readString(files.index()).contains("has no test-predictions.csv"));
  }

  @Test
  void oneEpochWithoutValidationDataStillPlots() throws Exception {
    Path run = tmp.resolve("run");
    TrainResult r = ReportFixtures.classificationRun(run);
    JobJson.write(r.report(), new TrainResult(r.out(), r.model(), r.report(), r.epochsCsv(),
        r.settings(), r.data(), r.split(), List.of(new EpochResult(1, 0, 0.01f, 1.0907668, 0.37,
            Double.NaN, Double.NaN, 0.5, 100)), 1, r.evaluation(), r.skippedFiles(), 100, 1));
    ReportFiles files = RunReport.write(run);
    assertNotNull(ImageIO.read(files.plots().get(0).toFile()));
    String html = Files.readString(files.index(), StandardCharsets.UTF_8);
    assertTrue(html.contains("<td class=\"n\">1.0908</td><td class=\"n\">0.3700</td><td>–</td>"),
        "no validation loss: a dash");
  }

  @Test
  void contactSheetsJoinThePageInPageOrder() throws Exception {
    Path run = tmp.resolve("run");
    ReportFixtures.classificationRun(run);
    List<Path> sheets = ReportFixtures.contactSheets(run, 10);
    Files.writeString(run.resolve("explain/explanations.json"), "{}");
    ReportFiles files = RunReport.write(run);

    assertEquals(sheets, files.contactSheets(), "natural order: 1, 2, ... 10");
    String html = Files.readString(files.index(), StandardCharsets.UTF_8);
    int previous = -1;
    for (Path sheet : sheets) {
      int at = html.indexOf(dataUri(sheet));
      assertTrue(at > previous, sheet + " after the page before it");
      previous = at;
    }
    assertTrue(html.contains("page 10 of 10"));
  }

  @Test
  void writingAgainReplacesTheFilesAndLeavesNoTemporaryOnes() throws Exception {
    Path run = tmp.resolve("run");
    ReportFixtures.classificationRun(run);
    RunReport.write(run);
    ReportFiles again = RunReport.write(run);
    try (Stream<Path> left = Files.list(run.resolve("report"))) {
      assertEquals(3, left.count(), "index.html and two plots");
    }
    assertTrue(Files.size(again.index()) > 0);
  }

  @Test
  void aFolderWithoutAReadableReportJsonIsBadInput() throws Exception {
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> RunReport.write(tmp));
    assertTrue(none.getMessage().contains("no report.json in " + tmp.toAbsolutePath())
        && none.getMessage().contains("sommelier train --out DIR"), none.getMessage());
    Files.writeString(tmp.resolve("report.json"), "{\"epochs\": 3");
    IllegalArgumentException broken = assertThrows(IllegalArgumentException.class,
        () -> RunReport.write(tmp));
    assertTrue(broken.getMessage().contains("is not a training run's report"),
        broken.getMessage());
    Files.writeString(tmp.resolve("report.json"), "{\"epochs\": [], \"skippedFiles\": []}");
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
        () -> RunReport.write(tmp));
    assertTrue(empty.getMessage().contains("lacks settings, data, split, epochs"),
        empty.getMessage());
  }

  private static void assertSelfContained(String html) {
    Matcher m = SRC_OR_HREF.matcher(html);
    while (m.find()) {
      assertTrue(m.group(2).startsWith("data:image/png;base64,"), "external resource " + m.group());
    }
    assertFalse(html.contains("<link") || html.contains("<script") || html.contains("url("),
        "no stylesheet, script or CSS url");
  }

  private static String dataUri(Path png) {
    try {
      return "data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(png));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String decimal(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }

  private static String numbers(int... values) {
    StringBuilder cells = new StringBuilder();
    for (int v : values) {
      cells.append("<td class=\"n\">").append(v).append("</td>");
    }
    return cells.toString();
  }
}
