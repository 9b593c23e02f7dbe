package dev.sommelier.tools.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.tasks.data.synthetic.FileFormat;
import dev.sommelier.tasks.data.synthetic.Layout;
import dev.sommelier.tasks.data.synthetic.ShapeImages;
import dev.sommelier.tasks.jobs.predict.PredictResult;
import dev.sommelier.tasks.jobs.train.TrainResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's train and predict tasks end to end on 2 x 10 generated shapes with a tiny CNN,
 * without a window: progress, epoch lines, Stop, the outcome.
 */
class GuiTasksTest {

  @TempDir Path tmp;

  @Test
  void stopEndsTrainingAfterAnEpochAndTheModelPredicts() throws Exception {
    Path shapes = tmp.resolve("shapes");
    new ShapeImages(2, 10, 32, FileFormat.PNG, Layout.CLASS_FOLDERS, 5).writeTo(shapes);
    TrainTask train = new TrainTask(new TrainForm("simple_cnn:blocks=2,width=4", "32", "none",
        shapes.toString(), "sgd", "0.01", "4", "3", "head", "", "flip",
        tmp.resolve("run").toString())
        .settings());
    train.stop();
    List<JobEvent> events = new ArrayList<>();
    JobOutcome.Trained t = (JobOutcome.Trained) train.run(events::add);
    TrainResult r = t.result();
    assertEquals(1, r.epochs().size(), "stopped after the first epoch");
    Path report = tmp.resolve("run").resolve("report");
    assertEquals(report.resolve("index.html"), t.report().index(), "the run's report is written");
    assertEquals(Set.of(report.resolve("confusion-matrix.png"),
        report.resolve("training-curves.png")), Set.copyOf(t.report().plots()));
    assertEquals(tmp.resolve("run").resolve("augmented-samples.png"),
        t.report().augmentedSamples());
    assertEquals(List.of("augmented-samples.png", "confusion-matrix.png", "training-curves.png"),
        t.images().stream().map(ReportImages.Image::name).sorted().toList(),
        "plots and the augmented samples decoded");
    List<String> logs = events.stream().filter(JobEvent.Log.class::isInstance)
        .map(e -> ((JobEvent.Log) e).line()).toList();
    assertTrue(logs.contains("Training 3 epochs"), logs.toString());
    assertTrue(logs.stream().anyMatch(l -> l.startsWith("Epoch 1/3: loss ")), logs.toString());
    // 12 training images in batches of 4.
    List<JobEvent.Progress> progress = events.stream().filter(JobEvent.Progress.class::isInstance)
        .map(JobEvent.Progress.class::cast).toList();
    assertEquals(3, progress.size());
    assertEquals(1.0 / 3, progress.get(2).fraction(), 1e-9);
    assertTrue(progress.get(2).status().startsWith("Epoch 1/3, step 3/3 · loss "),
        progress.get(2).status());
    assertTrue(Files.isRegularFile(r.report()));

    PredictTask predict = new PredictTask(new PredictForm(r.model().toString(),
        shapes.resolve("circle").toString(), "").settings());
    List<String> log = new ArrayList<>();
    PredictResult p = ((JobOutcome.Predicted) predict.run(e -> {
      if (e instanceof JobEvent.Log l) {
        log.add(l.line());
      }
    })).result();
    assertEquals(10, p.predictions().size());
    assertEquals(10, p.knownTruth().images(), "the folder 'circle' names the images' class");
    assertTrue(log.stream().anyMatch(l -> l.startsWith("Accuracy ") && l.contains("of the 10 images")),
        log.toString());
    assertEquals(10, new PredictionTableModel(p).getRowCount());
    assertTrue(Files.isRegularFile(tmp.resolve("run/predictions/predictions.csv")));
  }
}
