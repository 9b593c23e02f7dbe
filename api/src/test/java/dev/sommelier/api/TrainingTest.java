package dev.sommelier.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.tasks.data.source.DataSource;
import dev.sommelier.tasks.data.synthetic.FileFormat;
import dev.sommelier.tasks.data.synthetic.Layout;
import dev.sommelier.tasks.data.synthetic.ShapeImages;
import dev.sommelier.tasks.data.split.SplitRatios;
import dev.sommelier.tasks.jobs.train.InitialWeights;
import dev.sommelier.tasks.jobs.train.TrainResult;
import dev.sommelier.tasks.jobs.train.TrainSettings;
import dev.sommelier.tasks.predict.HeatMap;
import dev.sommelier.tasks.predict.Prediction;
import dev.sommelier.tasks.train.OptimizerKind;
import dev.sommelier.tasks.train.TrainScope;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training facade: its defaults, its copies, and a real run loaded back for prediction. */
class TrainingTest {

  @TempDir static Path tmp;
  private static Path shapes;
  private static TrainResult run;

  @BeforeAll
  static void train() throws Exception {
    shapes = tmp.resolve("shapes");
    new ShapeImages(3, 30, 32, FileFormat.PNG, Layout.CLASS_FOLDERS, 3).writeTo(shapes);
    run = Sommelier.train(shapes, tmp.resolve("run"))
        .backbone("simple_cnn")
        .inputSize(32)
        .epochs(4)
        .seed(7)
        .with(b -> b.scope(TrainScope.ALL).optimizer(OptimizerKind.ADAM).learningRate(0.003f)
            .split(SplitRatios.parse("6:2:2")).batchSize(16).workers(2))
        .run();
  }

  @Test
  void everyDefaultButTheBackboneAndItsWeightsIsTheLaunchers() {
    TrainSettings facade = Sommelier.train(shapes, tmp.resolve("a")).settings();
    TrainSettings launcher =
        TrainSettings.builder(DataSource.folder(shapes), tmp.resolve("a")).build();
    assertEquals(Training.DEFAULT_BACKBONE, facade.backbone());
    assertEquals(InitialWeights.IMAGENET, facade.backboneWeights());
    Map<String, Object> same = new HashMap<>(facade.describe());
    Map<String, Object> want = new HashMap<>(launcher.describe());
    for (String differs : List.of("backbone", "backboneWeights", "inputSize")) {
      same.remove(differs);
      want.remove(differs);
    }
    assertEquals(want, same);
    assertEquals(TrainSettings.defaultInputSize(Training.DEFAULT_BACKBONE), facade.inputSize());
  }

  @Test
  void imagenetWeightsWheneverKerasPublishesThemForTheBackbone() {
    Training t = Sommelier.train(shapes, tmp.resolve("b"));
    assertEquals(InitialWeights.IMAGENET, t.backbone("resnet50").settings().backboneWeights());
    assertEquals(InitialWeights.IMAGENET,
        t.backbone("mobilenet_v1:alpha=0.5").settings().backboneWeights());
    assertEquals(InitialWeights.NONE, t.backbone("simple_cnn").settings().backboneWeights());
    assertEquals(InitialWeights.NONE, t.backbone("pixels").settings().backboneWeights());
    assertEquals(InitialWeights.NONE,
        t.weights(InitialWeights.NONE).backbone("resnet50").settings().backboneWeights());
    assertThrows(IllegalArgumentException.class, () -> t.backbone("vgg16").settings());
    assertThrows(IllegalArgumentException.class, () -> t.fineTune("last-six"));
  }

  @Test
  void everyChoiceReturnsACopyAndLeavesTheOriginalAsItWas() {
    Training base = Sommelier.train(shapes, tmp.resolve("c"));
    Training changed = base.epochs(3).fineTune("last-2:5").augment(true).seed(9).inputSize(96);
    TrainSettings b = base.settings();
    TrainSettings c = changed.settings();
    assertEquals(10, b.epochs());
    assertEquals(3, c.epochs());
    assertEquals(null, b.fineTune());
    assertEquals("last-2:5", c.fineTune().toString());
    assertEquals("none", b.augmentation().toString());
    assertTrue(!c.augmentation().toString().equals("none"), c.augmentation().toString());
    assertEquals(9, c.seed());
    assertEquals(96, c.inputSize());
    assertEquals(1, changed.with(s -> s.epochs(1)).settings().epochs(), "with() runs last");
  }

  @Test
  void theSavedModelAnswersTheTestImagesAsTheRunsOwnEvaluationDid() throws Exception {
    assertEquals(tmp.resolve("run").resolve("model"), run.model());
    Map<String, String> predicted = new HashMap<>();
    try (Reader in = Files.newBufferedReader(tmp.resolve("run").resolve("test-predictions.csv"),
        StandardCharsets.UTF_8)) {
      for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().build().parse(in)) {
        predicted.put(r.get("id"), r.get("predicted"));
      }
    }
    assertEquals(18, predicted.size());
    int right = 0;
    try (ImageModel model = Sommelier.load(run.model())) {
      for (Map.Entry<String, String> e : predicted.entrySet()) {
        Prediction p = model.predict(Path.of(e.getKey()));
        assertEquals(e.getValue(), p.top().name(), e.getKey());
        right += p.top().name().equals(Path.of(e.getKey()).getParent().getFileName().toString())
            ? 1 : 0;
      }
    }
    assertEquals(run.evaluation().classification().accuracy(), right / 18.0, 1e-9);
  }

  @Test
  void explanationsBuiltByEightThreadsAtOnceEqualSerialOnes() throws Exception {
    List<Path> images = new ArrayList<>();
    try (var files = Files.list(shapes.resolve("circle"))) {
      files.sorted().limit(8).forEach(images::add);
    }
    List<HeatMap> serial = new ArrayList<>();
    try (ImageModel model = Sommelier.load(run.model())) {
      for (Path image : images) {
        serial.add(model.explain(image));
      }
    }
    try (ImageModel model = Sommelier.load(run.model())) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      CountDownLatch start = new CountDownLatch(1);
      try {
        List<Future<HeatMap>> maps = new ArrayList<>();
        for (Path image : images) {
          maps.add(pool.submit(() -> {
            start.await();
            return model.explain(Files.readAllBytes(image));
          }));
        }
        start.countDown();
        for (int i = 0; i < images.size(); i++) {
          HeatMap want = serial.get(i);
          HeatMap got = maps.get(i).get();
          assertEquals(want.prediction().top(), got.prediction().top(), images.get(i).toString());
          assertArrayEquals(want.map().values(), got.map().values(), images.get(i).toString());
          assertEquals(want.peak(), got.peak());
          assertEquals(model.predict(images.get(i)).top(), got.prediction().top());
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
