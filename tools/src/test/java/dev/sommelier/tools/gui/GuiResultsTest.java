package dev.sommelier.tools.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sommelier.tasks.eval.ClassProbability;
import dev.sommelier.tasks.eval.ClassificationReport;
import dev.sommelier.tasks.eval.RegressionReport;
import dev.sommelier.tasks.jobs.DataSummary;
import dev.sommelier.tasks.jobs.EvaluationReport;
import dev.sommelier.tasks.jobs.predict.PredictResult;
import dev.sommelier.tasks.jobs.predict.PredictedImage;
import dev.sommelier.tasks.jobs.train.TrainResult;
import dev.sommelier.tasks.model.TaskKind;
import dev.sommelier.tasks.train.EpochResult;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the result panels show, from job results and report files; no window. */
class GuiResultsTest {

  @TempDir Path tmp;

  private TrainResult trained(EvaluationReport evaluation, double seconds) {
    EpochResult epoch = new EpochResult(1, 0, 0.001f, 0.7, 0.5, 0.69, 0.5, 1.0, 100);
    return new TrainResult(tmp, tmp.resolve("model"), tmp.resolve("report.json"),
        tmp.resolve("epochs.csv"), Map.of(),
        new DataSummary(42, 40, 2, "", Map.of(), Map.of(), Map.of()), Map.of("train", 24),
        List.of(epoch, epoch, epoch), 2, evaluation, List.of(), 1234.56, seconds);
  }

  @Test
  void aClassifierSummaryLeadsWithAccuracy() {
    EvaluationReport e = new EvaluationReport("test", TaskKind.CLASSIFICATION, 8,
        new ClassificationReport(8, 0.875, 2, 1.0, 0.8, 0.8, List.of(), null), null, null,
        List.of());
    assertEquals(List.of(
            new TrainSummary.Row("Accuracy", "87.5% on 8 test images"),
            new TrainSummary.Row("Data", "40 images used of 42 files, 2 unreadable left out"),
            new TrainSummary.Row("Epochs", "3, weights of epoch 2"),
            new TrainSummary.Row("Training speed", "1234.6 images/s"),
            new TrainSummary.Row("Time", "12.3 s"),
            new TrainSummary.Row("Model", tmp.resolve("model").toString())),
        TrainSummary.of(trained(e, 12.34)));
  }

  @Test
  void aRegressorSummaryLeadsWithMaeAndRSquared() {
    EvaluationReport e = new EvaluationReport("validation", TaskKind.REGRESSION, 16, null,
        new RegressionReport(16, 0.25, 0.3, 0.81234, 0.01), null, List.of());
    List<TrainSummary.Row> rows = TrainSummary.of(trained(e, 125));
    assertEquals(new TrainSummary.Row("Mean absolute error", "0.2500 on 16 validation images"),
        rows.get(0));
    assertEquals(new TrainSummary.Row("R²", "0.812"), rows.get(1));
    assertEquals(new TrainSummary.Row("Time", "2:05"), rows.get(5));
  }

  @Test
  void classPredictionsShowTheTopClass() {
    PredictResult r = new PredictResult(tmp, tmp, tmp, tmp, List.of("circle", "square"), List.of(
        new PredictedImage("/data/a.png", List.of(new ClassProbability(1, "square", 0.8125f),
            new ClassProbability(0, "circle", 0.1875f)), null, null, null, null)), List.of());
    PredictionTableModel m = new PredictionTableModel(r);
    assertEquals(List.of("Image", "Top class", "Probability"), columns(m));
    assertEquals(1, m.getRowCount());
    assertEquals(List.of("a.png", "square", "0.813"), row(m, 0));
  }

  @Test
  void valuePredictionsShowTheValueAndRank() {
    PredictResult r = new PredictResult(tmp, tmp, tmp, tmp, List.of(), List.of(
        new PredictedImage("b.jpg", null, 2.71828f, 3, null, null),
        new PredictedImage("c.jpg", null, 1.5f, null, null, null)), List.of());
    PredictionTableModel m = new PredictionTableModel(r);
    assertEquals(List.of("Image", "Value", "Rank"), columns(m));
    assertEquals(List.of("b.jpg", "2.7183", "3"), row(m, 0));
    assertEquals(List.of("c.jpg", "1.5000", ""), row(m, 1));
  }

  @Test
  void reportImagesAreDecodedAndAnUnreadableOneIsNamed() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("report"));
    ImageIO.write(new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB), "png",
        dir.resolve("training-curves.png").toFile());
    ImageIO.write(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB), "png",
        dir.resolve("confusion-matrix.png").toFile());
    Files.writeString(dir.resolve("broken.png"), "not a png");
    List<String> problems = new ArrayList<>();
    List<ReportImages.Image> images = ReportImages.load(List.of(dir.resolve("broken.png"),
        dir.resolve("confusion-matrix.png"), dir.resolve("training-curves.png")), problems::add);
    assertEquals(List.of("confusion-matrix.png", "training-curves.png"),
        images.stream().map(ReportImages.Image::name).toList());
    assertEquals(30, images.get(1).image().getWidth());
    assertEquals(List.of("not an image: " + dir.resolve("broken.png")), problems);
  }

  private static List<String> columns(PredictionTableModel m) {
    List<String> names = new ArrayList<>();
    for (int c = 0; c < m.getColumnCount(); c++) {
      names.add(m.getColumnName(c));
    }
    return names;
  }

  private static List<String> row(PredictionTableModel m, int r) {
    List<String> values = new ArrayList<>();
    for (int c = 0; c < m.getColumnCount(); c++) {
      values.add(m.getValueAt(r, c));
    }
    return values;
  }
}
