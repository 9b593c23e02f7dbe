package dev.sommelier.tasks.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.core.Device;
import dev.sommelier.heads.Pooling;
import dev.sommelier.tasks.data.DataSet;
import dev.sommelier.tasks.data.check.CheckedData;
import dev.sommelier.tasks.data.source.DataSource;
import dev.sommelier.tasks.data.split.SplitRatios;
import dev.sommelier.tasks.data.synthetic.FileFormat;
import dev.sommelier.tasks.data.synthetic.Layout;
import dev.sommelier.tasks.data.synthetic.ShapeImages;
import dev.sommelier.tasks.eval.ClassProbability;
import dev.sommelier.tasks.eval.ClassificationReport;
import dev.sommelier.tasks.jobs.evaluate.EvaluateJob;
import dev.sommelier.tasks.jobs.evaluate.EvaluateResult;
import dev.sommelier.tasks.jobs.evaluate.EvaluateSettings;
import dev.sommelier.tasks.jobs.predict.PredictJob;
import dev.sommelier.tasks.jobs.predict.PredictResult;
import dev.sommelier.tasks.jobs.predict.PredictSettings;
import dev.sommelier.tasks.jobs.predict.PredictedImage;
import dev.sommelier.tasks.jobs.train.HeadOptions;
import dev.sommelier.tasks.jobs.train.TrainJob;
import dev.sommelier.tasks.jobs.train.TrainResult;
import dev.sommelier.tasks.jobs.train.TrainSettings;
import dev.sommelier.tasks.model.ModelStore;
import dev.sommelier.tasks.model.TaskModel;
import dev.sommelier.tasks.train.OptimizerKind;
import dev.sommelier.tasks.train.TrainScope;
import dev.sommelier.tasks.train.TrainingListener;
import dev.sommelier.tasks.train.TrainingRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Train, evaluate and predict on 3 classes of generated 32x32 shapes (30 each), with the pixels
 * backbone and an MLP head so that a run takes a second or two. One training run serves every test.
 */
class ClassificationJobsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> SHAPES = List.of("circle", "square", "triangle");

  @TempDir static Path tmp;
  private static Path shapes;
  private static TrainResult trained;

  @BeforeAll
  static void train() throws Exception {
    shapes = tmp.resolve("shapes");
    new ShapeImages(3, 30, 32, FileFormat.PNG, Layout.CLASS_FOLDERS, 11).writeTo(shapes);
    TrainSettings s = TrainSettings.builder(DataSource.folder(shapes), tmp.resolve("run"))
        .split(SplitRatios.parse("6:2:2")).seed(5).backbone("pixels")
        .head(new HeadOptions("mlp", 0f, List.of(64), Pooling.FLATTEN))
        .scope(TrainScope.ALL).optimizer(OptimizerKind.ADAM).learningRate(0.003f).epochs(3)
        .batchSize(16).workers(2).build();
    trained = new TrainJob(s).run();
  }

  @Test
  void trainingWritesTheModelTheEpochLogAndTheReport() throws Exception {
    Path run = tmp.resolve("run");
    assertEquals(run.resolve("model"), trained.model());
    assertTrue(Files.isRegularFile(run.resolve("model/model.json")));
    assertTrue(Files.isRegularFile(run.resolve("model/variables.index")));
    List<String> csv = Files.readAllLines(run.resolve("epochs.csv"), StandardCharsets.UTF_8);
    assertEquals(4, csv.size(), "header and 3 epochs: " + csv);
    assertTrue(csv.get(0).startsWith("epoch,phase,"), csv.get(0));
    assertEquals(3, trained.epochs().size());
    assertEquals(28, trained.settings().get("inputSize"), "the pixels default");

    JsonNode report = JSON.readTree(run.resolve("report.json").toFile());
    for (String key : List.of("model", "settings", "data", "split", "epochs", "bestEpoch",
        "evaluation", "skippedFiles", "trainImagesPerSecond", "seconds")) {
      assertTrue(report.has(key), "report.json lacks " + key + ": " + report);
    }
    assertEquals(run.resolve("model").toString(), report.get("model").asText());
    assertEquals(54, report.get("split").get("train").asInt());
    assertEquals(18, report.get("split").get("validation").asInt());
    assertEquals(18, report.get("split").get("test").asInt());
    assertEquals("test", report.get("evaluation").get("part").asText());
    assertEquals(18, report.get("evaluation").get("classification").get("samples").asInt());
    assertEquals(trained.evaluation().classification().accuracy(),
        report.get("evaluation").get("classification").get("accuracy").asDouble());
    assertEquals("6:2:2", report.get("settings").get("split").asText());
    assertEquals("mlp", report.get("settings").get("head").asText());
    assertTrue(trained.trainImagesPerSecond() > 0);
    int best = 0;
    for (int i = 1; i < 3; i++) {   // a tie keeps the older epoch
      best = trained.epochs().get(i).valLoss() < trained.epochs().get(best).valLoss() ? i : best;
    }
    assertEquals(best + 1, trained.bestEpoch(), "the weights saved: the lowest validation loss");
    assertEquals(best + 1, report.get("bestEpoch").asInt());
  }

  @Test
  void aRunStoppedBeforeItsFirstEpochEndedSaysSoInsteadOfSavingNothing() {
    TrainSettings s = TrainSettings.builder(DataSource.folder(shapes), tmp.resolve("stopped"))
        .seed(5).backbone("pixels").epochs(3).batchSize(16).workers(2).build();
    TrainJob job = new TrainJob(s).listen(new TrainingListener() {
      @Override
      public void onTrainingStart(TrainingRun run) {
        run.stop();
      }
    });
    IllegalStateException e = assertThrows(IllegalStateException.class, job::run);
    assertTrue(e.getMessage().contains("stopped before its first epoch ended"), e.getMessage());
  }

  @Test
  void theModelCardRecordsSettingsSeedDataHashAndCounts() throws Exception {
    JsonNode info = JSON.readTree(tmp.resolve("run/model/model.json").toFile()).get("info");
    assertEquals(5, info.get("seed").asLong());
    assertEquals("adam", info.get("training").get("optimizer").asText());
    assertEquals(64, info.get("data").get("sha256").asText().length());
    assertEquals(90, info.get("data").get("samples").asInt());
    for (String shape : SHAPES) {
      assertEquals(30, info.get("data").get("counts").get(shape).asInt(), shape);
    }
    assertEquals(0, info.get("skippedFiles").size());
    // the hash is of ids relative to the data folder: the same data elsewhere hash the same
    Path copy = tmp.resolve("shapes-copy");
    new ShapeImages(3, 30, 32, FileFormat.PNG, Layout.CLASS_FOLDERS, 11).writeTo(copy);
    assertEquals(info.get("data").get("sha256").asText(),
        DataSummary.of(CheckedData.unchecked(DataSource.folder(copy).load()), copy, null)
            .sha256());
  }

  @Test
  void evaluatingTheSavedModelOnTheTestPartReproducesTheTrainingReport() throws Exception {
    EvaluateResult r = new EvaluateJob(EvaluateSettings.builder(trained.model(),
        DataSource.folder(shapes), tmp.resolve("eval-test"))
        .part(EvaluateSettings.Part.TEST).workers(2).build()).run();
    ClassificationReport expected = trained.evaluation().classification();
    ClassificationReport got = r.evaluation().classification();
    assertEquals(18, got.samples());
    assertEquals(expected.accuracy(), got.accuracy(), 0.0);
    assertEquals(expected.macroF1(), got.macroF1(), 0.0);
    assertEquals(expected.confusionMatrix(), got.confusionMatrix());
    for (long[] row : got.confusionMatrix().counts()) {
      assertEquals(6, row[0] + row[1] + row[2], "6 test images per class in a 6:2:2 split of 30");
    }
    JsonNode file = JSON.readTree(tmp.resolve("eval-test/evaluation.json").toFile());
    assertEquals(expected.accuracy(),
        file.get("evaluation").get("classification").get("accuracy").asDouble(), 0.0);
    assertNull(r.evaluation().regression());
  }

  @Test
  void evaluatingTheWholeDataSetCountsEverySample() throws Exception {
    EvaluateResult r = new EvaluateJob(EvaluateSettings.builder(trained.model(),
        DataSource.folder(shapes), tmp.resolve("eval-all")).workers(2).build()).run();
    assertEquals("all", r.evaluation().part());
    assertEquals(90, r.evaluation().classification().samples());
    long[][] counts = r.evaluation().classification().confusionMatrix().counts();
    for (long[] row : counts) {
      assertEquals(30, row[0] + row[1] + row[2]);
    }
  }

  @Test
  void dataWithOtherClassesThanTheModelAreAClearError() throws Exception {
    Path other = tmp.resolve("two-shapes");
    new ShapeImages(2, 2, 32, FileFormat.PNG, Layout.CLASS_FOLDERS, 1).writeTo(other);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new EvaluateJob(EvaluateSettings.builder(trained.model(), DataSource.folder(other),
            tmp.resolve("eval-other")).build()).run());
    assertTrue(e.getMessage().contains("[circle, square]"), e.getMessage());
    assertTrue(e.getMessage().contains("[circle, square, triangle]"), e.getMessage());
  }

  @Test
  void predictionRanksEveryClassAndListsTheCorruptFile() throws Exception {
    Path images = tmp.resolve("to-predict");
    Files.createDirectories(images);
    Files.copy(shapes.resolve("circle/circle_0000.png"), images.resolve("a.png"));
    Files.copy(shapes.resolve("triangle/triangle_0000.png"), images.resolve("b.png"));
    Files.write(images.resolve("broken.png"), "not an image".getBytes(StandardCharsets.UTF_8));
    Files.writeString(images.resolve("notes.txt"), "not listed: not an image extension");
    PredictResult r = new PredictJob(PredictSettings.of(trained.model(), List.of(images),
        tmp.resolve("predictions"))).run();

    assertEquals(SHAPES, r.classes());
    assertEquals(List.of(images.resolve("a.png").toString(), images.resolve("b.png").toString()),
        r.predictions().stream().map(PredictedImage::file).toList());
    for (PredictedImage p : r.predictions()) {
      assertNull(p.value());
      assertEquals(3, p.classes().size());
      double sum = 0;
      for (int i = 0; i < 3; i++) {
        sum += p.classes().get(i).probability();
        if (i > 0) {
          assertTrue(p.classes().get(i - 1).probability() >= p.classes().get(i).probability(),
              p.classes().toString());
        }
      }
      assertEquals(1.0, sum, 1e-5);
      assertEquals(SHAPES.stream().sorted().toList(),
          p.classes().stream().map(ClassProbability::name).sorted().toList());
    }
    assertEquals(1, r.skipped().size());
    assertEquals(images.resolve("broken.png").toString(), r.skipped().get(0).file());
    assertNotNull(r.skipped().get(0).reason());

    List<String> csv = Files.readAllLines(r.csv(), StandardCharsets.UTF_8);
    assertEquals("file,prediction,probability,circle,square,triangle", csv.get(0));
    assertEquals(3, csv.size());
    assertTrue(csv.get(1).startsWith(images.resolve("a.png") + ","
        + r.predictions().get(0).classes().get(0).name() + ","), csv.get(1));
    JsonNode json = JSON.readTree(r.json().toFile());
    assertEquals(2, json.get("predictions").size());
    assertEquals(1, json.get("skipped").size());
    assertTrue(!json.get("predictions").get(0).has("value"), json.toString());
  }

  @Test
  void predictionAnswersAsTheEvaluationPipelineDoes() throws Exception {
    DataSet data = DataSource.folder(shapes).load();
    DataSet three = data.withSamples(List.of(data.samples().get(0), data.samples().get(35),
        data.samples().get(70)));
    float[] expected;
    try (TaskModel model = ModelStore.load(trained.model(), BackboneRegistry.load(), Device.CPU)) {
      expected = ModelOutputs.of(model, three, "three", 8, 1).outputs();
    }
    PredictResult r = new PredictJob(PredictSettings.of(trained.model(),
        three.samples().stream().map(x -> Path.of(x.id())).toList(), tmp.resolve("three"))).run();
    float[] got = new float[9];
    for (int i = 0; i < 3; i++) {
      for (ClassProbability c : r.predictions().get(i).classes()) {
        got[i * 3 + c.index()] = c.probability();
      }
    }
    assertArrayEquals(expected, got, 1e-6f);
  }
}
