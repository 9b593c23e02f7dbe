package dev.sommelier.tasks.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sommelier.core.Device;
import dev.sommelier.heads.Pooling;
import dev.sommelier.tasks.data.ImageDecoder;
import dev.sommelier.tasks.data.RgbImage;
import dev.sommelier.tasks.data.source.CsvMultiLabels;
import dev.sommelier.tasks.data.source.DataSource;
import dev.sommelier.tasks.data.split.SplitRatios;
import dev.sommelier.tasks.data.synthetic.MultiShapeImages;
import dev.sommelier.tasks.eval.ClassProbability;
import dev.sommelier.tasks.eval.MultiLabelReport;
import dev.sommelier.tasks.explain.CamMaps;
import dev.sommelier.tasks.explain.CamMethod;
import dev.sommelier.tasks.explain.CamTarget;
import dev.sommelier.tasks.jobs.evaluate.EvaluateJob;
import dev.sommelier.tasks.jobs.evaluate.EvaluateSettings;
import dev.sommelier.tasks.jobs.explain.ExplainJob;
import dev.sommelier.tasks.jobs.explain.ExplainResult;
import dev.sommelier.tasks.jobs.explain.ExplainSettings;
import dev.sommelier.tasks.jobs.explain.ExplainedImage;
import dev.sommelier.tasks.jobs.train.HeadOptions;
import dev.sommelier.tasks.jobs.train.LabelThresholds;
import dev.sommelier.tasks.jobs.train.TrainJob;
import dev.sommelier.tasks.jobs.train.TrainResult;
import dev.sommelier.tasks.jobs.train.TrainSettings;
import dev.sommelier.tasks.model.TaskKind;
import dev.sommelier.tasks.predict.HeatMap;
import dev.sommelier.tasks.predict.Prediction;
import dev.sommelier.tasks.predict.Predictor;
import dev.sommelier.tasks.train.OptimizerKind;
import dev.sommelier.tasks.train.TrainScope;
import java.awt.Rectangle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multi-label training end to end on drawn images, each holding a random subset of 3 shapes in
 * its own quarter: the CSV's bad rows are left out by line number, a small CNN reaches macro F1 >=
 * 0.9 on the test part (recomputed here from {@code test-predictions.csv}), the thresholds are
 * stored in {@code model.json}, {@code evaluate} repeats the numbers, and Grad-CAM of each present
 * label peaks inside that label's shape.
 */
class MultiLabelJobsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SIZE = 48;
  private static final int IMAGES = 400;

  @TempDir static Path tmp;
  private static Path data;
  private static List<MultiShapeImages.Drawn> drawn;
  private static TrainResult trained;

  @BeforeAll
  static void train() throws Exception {
    data = tmp.resolve("shapes");
    drawn = new MultiShapeImages(3, IMAGES, SIZE, 3).writeTo(data);
    Files.writeString(data.resolve(MultiShapeImages.CSV),
        "missing.png,circle\n,square\nimg_0001.png\n", StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    TrainSettings s = TrainSettings.builder(
            DataSource.csvLabels(data.resolve(MultiShapeImages.CSV)), tmp.resolve("run"))
        .split(SplitRatios.parse("6:2:2")).seed(5).backbone("simple_cnn:blocks=3,width=32")
        .inputSize(SIZE)
        .head(new HeadOptions("multilabel", 0f, List.of(), Pooling.GAP)
            .withLabels(List.of(), LabelThresholds.parse("0.5")))
        .scope(TrainScope.ALL).optimizer(OptimizerKind.ADAM).learningRate(0.003f).epochs(50)
        .batchSize(16).workers(2).build();
    trained = new TrainJob(s).run();
  }

  @Test
  void badCsvRowsAreReportedByLineNumberAndTheRestLoad() throws Exception {
    CsvMultiLabels.Loaded loaded = CsvMultiLabels.read(data.resolve(MultiShapeImages.CSV));
    assertEquals(IMAGES, loaded.data().size());
    assertEquals(List.of("cross", "ring", "triangle"), loaded.data().classNames());
    List<String> problems = loaded.problems();
    assertEquals(3, problems.size(), problems.toString());
    int first = IMAGES + 2;
    assertTrue(problems.get(0).startsWith("labels.csv line " + first + ": no file missing.png"),
        problems.get(0));
    assertTrue(problems.get(1).startsWith("labels.csv line " + (first + 1)
        + ": the file name is empty"), problems.get(1));
    assertTrue(problems.get(2).startsWith("labels.csv line " + (first + 2)
        + ": the labels column is missing"), problems.get(2));
    assertEquals(IMAGES, trained.split().values().stream().mapToInt(Integer::intValue).sum());
  }

  @Test
  void theTestPartReachesMacroF1OfNineTenthsAsTheCsvOfItsPredictionsConfirms() throws Exception {
    MultiLabelReport r = trained.evaluation().labels();
    assertEquals(TaskKind.MULTILABEL, trained.evaluation().task());
    System.out.printf(Locale.ROOT, "multi-label test part (%d images): macro F1 %.4f, micro F1"
            + " %.4f, mAP %.4f, subset accuracy %.4f, Hamming loss %.4f, cardinality %.3f true"
            + " %.3f predicted%n", r.samples(), r.macroF1(), r.microF1(),
        r.meanAveragePrecision(), r.subsetAccuracy(), r.hammingLoss(), r.labelCardinality(),
        r.predictedCardinality());
    assertTrue(r.macroF1() >= 0.9, "macro F1 " + r.macroF1());
    // Independently: per-label F1 from the CSV of true and predicted label sets.
    List<String> rows = Files.readAllLines(trained.out().resolve("test-predictions.csv"));
    assertEquals(r.samples() + 1, rows.size());
    double f1Sum = 0;
    int exact = 0;
    for (String label : List.of("cross", "ring", "triangle")) {
      int tp = 0;
      int fp = 0;
      int fn = 0;
      for (String row : rows.subList(1, rows.size())) {
        String[] f = row.split(",", -1);
        boolean present = Set.of(f[1].split("\\|")).contains(label);
        boolean predicted = Set.of(f[2].split("\\|")).contains(label);
        tp += present && predicted ? 1 : 0;
        fp += !present && predicted ? 1 : 0;
        fn += present && !predicted ? 1 : 0;
      }
      f1Sum += 2.0 * tp / (2 * tp + fp + fn);
    }
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split(",", -1);
      exact += f[1].equals(f[2]) ? 1 : 0;
    }
    assertEquals(f1Sum / 3, r.macroF1(), 1e-9);
    assertEquals(exact / (double) r.samples(), r.subsetAccuracy(), 1e-9);
  }

  @Test
  void thresholdsAreStoredWithTheModelAndUsedByEvaluate() throws Exception {
    JsonNode card = JSON.readTree(trained.model().resolve("model.json").toFile());
    assertEquals("SIGMOID", card.at("/config/head/output").asText());
    assertEquals("multilabel", card.at("/config/head/type").asText());
    JsonNode thresholds = card.at("/config/thresholds");
    assertEquals(3, thresholds.size(), card.toString());
    List<Float> stored = new ArrayList<>();
    thresholds.forEach(t -> stored.add((float) t.asDouble()));
    for (int j = 0; j < 3; j++) {
      assertEquals(0.5f, stored.get(j), stored.toString());
      assertEquals(stored.get(j), trained.evaluation().labels().labels().get(j).threshold(), 1e-6);
    }
    var evaluated = new EvaluateJob(EvaluateSettings.builder(trained.model(),
            DataSource.csvLabels(data.resolve(MultiShapeImages.CSV)), tmp.resolve("eval"))
        .part(EvaluateSettings.Part.TEST).workers(2).build()).run();
    assertEquals(trained.evaluation().labels().macroF1(),
        evaluated.evaluation().labels().macroF1(), 1e-9);
  }

  @Test
  void predictionsListEveryProbabilityAndTheLabelsOverTheirThresholds() throws Exception {
    MultiShapeImages.Drawn d = drawn.get(0);
    try (Predictor p = Predictor.load(trained.model(), Device.CPU)) {
      Prediction prediction = p.predict(d.file());
      assertEquals(3, prediction.classes().size());
      List<Float> thresholds = p.model().config().thresholds();
      for (ClassProbability c : prediction.classes()) {
        assertEquals(c.probability() >= thresholds.get(c.index()),
            prediction.labels().contains(c), c.toString());
      }
    }
  }

  @Test
  void explainWithoutAClassMapsEachPredictedLabelOrTheMostProbableWhenNoneIsPresent()
      throws Exception {
    List<MultiShapeImages.Drawn> some = drawn.subList(IMAGES - 12, IMAGES);
    ExplainResult r = new ExplainJob(ExplainSettings.builder(trained.model(),
        some.stream().map(MultiShapeImages.Drawn::file).toList(), tmp.resolve("explained"))
        .build()).run();
    assertEquals(some.size(), r.images().size());
    int maps = 0;
    try (Predictor p = Predictor.load(trained.model(), Device.CPU)) {
      for (ExplainedImage e : r.images()) {
        Prediction prediction = p.predict(Path.of(e.file()));
        List<String> expected = prediction.labels().isEmpty()
            ? List.of(prediction.classes().get(0).name())
            : prediction.labels().stream().map(ClassProbability::name).toList();
        List<String> targets = e.explanations().stream()
            .map(x -> x.target().replaceAll(".*'(.*)'.*", "$1")).toList();
        assertEquals(Set.copyOf(expected), Set.copyOf(targets), e.file());
        assertEquals(expected.size(), targets.size(), e.file());
        maps += targets.size();
      }
    }
    assertTrue(maps > some.size(), "some image has several labels: " + maps + " maps");
  }

  @Test
  void gradCamOfEachPresentLabelPeaksInsideThatLabelsShape() throws Exception {
    int inside = 0;
    int pairs = 0;
    double area = 0;
    List<MultiShapeImages.Drawn> test = drawn.subList(IMAGES - 60, IMAGES);
    try (Predictor p = Predictor.load(trained.model(), Device.CPU)) {
      List<String> names = p.model().config().classes();
      Map<String, Integer> index = new HashMap<>();
      for (int j = 0; j < names.size(); j++) {
        index.put(names.get(j), j);
      }
      for (MultiShapeImages.Drawn d : test) {
        RgbImage image = ImageDecoder.decode(d.file());
        for (Map.Entry<String, Rectangle> e : d.boxes().entrySet()) {
          HeatMap map = p.explainAll(List.of("x"), List.of(image),
              CamTarget.classLogit(index.get(e.getKey())), CamMethod.GRAD_CAM,
              p.model().backbone().spec().gradCamLayer()).get(0);
          CamMaps.Peak peak = CamMaps.peak(map.map(), SIZE, SIZE);
          Rectangle box = e.getValue();
          box.grow(1, 1);
          inside += box.contains(peak.x(), peak.y()) ? 1 : 0;
          area += box.width * (double) box.height / (SIZE * SIZE);
          pairs++;
        }
      }
    }
    double fraction = inside / (double) pairs;
    String line = String.format(Locale.ROOT, "Grad-CAM per present label: peak inside its shape"
        + " for %d of %d (image, label) pairs (%.3f); a random peak: %.3f", inside, pairs,
        fraction, area / pairs);
    System.out.println(line);
    assertTrue(fraction >= 0.7, line);
    assertTrue(area / pairs < 0.2, line);
  }
}
