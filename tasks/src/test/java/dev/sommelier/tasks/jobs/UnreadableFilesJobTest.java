package dev.sommelier.tasks.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sommelier.heads.Pooling;
import dev.sommelier.tasks.data.check.BrokenFiles.Kind;
import dev.sommelier.tasks.data.check.BrokenFiles;
import dev.sommelier.tasks.data.check.CheckedData;
import dev.sommelier.tasks.data.source.DataSource;
import dev.sommelier.tasks.data.split.DataSplits;
import dev.sommelier.tasks.data.split.SplitRatios;
import dev.sommelier.tasks.data.synthetic.Glyph;
import dev.sommelier.tasks.jobs.evaluate.EvaluateJob;
import dev.sommelier.tasks.jobs.evaluate.EvaluateResult;
import dev.sommelier.tasks.jobs.evaluate.EvaluateSettings;
import dev.sommelier.tasks.jobs.train.HeadOptions;
import dev.sommelier.tasks.jobs.train.TrainJob;
import dev.sommelier.tasks.jobs.train.TrainResult;
import dev.sommelier.tasks.jobs.train.TrainSettings;
import dev.sommelier.tasks.train.OptimizerKind;
import dev.sommelier.tasks.train.TrainScope;
import dev.sommelier.tasks.train.TrainingListener;
import dev.sommelier.tasks.train.TrainingRun;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A photo folder of 35 good and 8 broken images (a cut JPEG, a text file named {@code .jpg}, an
 * empty file) in three classes: the summary, the split, the evaluation and the list of files left
 * out count images that decode, per class, in training and in evaluation; a file that breaks after
 * the check is counted and listed too. One training run (pixels backbone, one epoch) serves the
 * first tests.
 */
class UnreadableFilesJobTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Good images per class. */
  private static final Map<String, Integer> GOOD = ordered("a", 12, "b", 10, "c", 13);
  /** Broken files per class: every kind in a and c, a cut JPEG and an empty file in b. */
  private static final Map<String, List<Kind>> BROKEN = Map.of(
      "a", List.of(Kind.TRUNCATED_JPEG, Kind.TEXT_AS_JPEG, Kind.EMPTY),
      "b", List.of(Kind.TRUNCATED_JPEG, Kind.EMPTY),
      "c", List.of(Kind.TEXT_AS_JPEG, Kind.EMPTY, Kind.TRUNCATED_JPEG));
  /**
   * Per class, the largest-remainder shares of 6:2:2 of the good images: 12 -> 7.2, 2.4, 2.4 ->
   * 7, 3, 2; 10 -> 6, 2, 2; 13 -> 7.8, 2.6, 2.6 -> 8, 3, 2. (Of all 43 files it would be 9:3:3,
   * 7:3:2, 10:3:3.)
   */
  private static final Map<String, Map<String, Integer>> PARTS = Map.of(
      "train", ordered("a", 7, "b", 6, "c", 8),
      "validation", ordered("a", 3, "b", 2, "c", 3),
      "test", ordered("a", 2, "b", 2, "c", 2));

  @TempDir static Path tmp;
  private static Path photos;
  /** Broken file -> [class, reason start]. */
  private static final Map<String, List<String>> BROKEN_FILES = new TreeMap<>();
  private static TrainResult trained;

  @BeforeAll
  static void train() throws Exception {
    photos = tmp.resolve("photos");
    int seed = 0;
    for (String c : GOOD.keySet()) {
      BrokenFiles.good(photos.resolve(c), Glyph.values()[seed], GOOD.get(c), seed);
      seed++;
      for (int i = 0; i < BROKEN.get(c).size(); i++) {
        Kind kind = BROKEN.get(c).get(i);
        Path file = BrokenFiles.broken(photos.resolve(c), "broken_" + i, kind);
        BROKEN_FILES.put(file.toString(), List.of(c, kind.reason()));
      }
    }
    trained = new TrainJob(settings(tmp.resolve("run"), TrainScope.ALL).build()).run();
  }

  private static TrainSettings.Builder settings(Path out, TrainScope scope) {
    return TrainSettings.builder(DataSource.folder(photos), out)
        .split(SplitRatios.parse("6:2:2")).seed(5).backbone("pixels").inputSize(16)
        .head(new HeadOptions("mlp", 0f, List.of(16), Pooling.FLATTEN)).scope(scope)
        .optimizer(OptimizerKind.ADAM).learningRate(0.003f).epochs(1).batchSize(8).workers(2);
  }

  @Test
  void theSummaryCountsFilesFoundImagesUsedAndFilesLeftOutPerClass() throws Exception {
    DataSummary d = trained.data();
    assertEquals(43, d.files());
    assertEquals(35, d.samples());
    assertEquals(8, d.skipped());
    assertEquals(GOOD, d.counts());
    assertEquals(ordered("a", 3, "b", 2, "c", 3), d.skippedCounts());
    assertEquals(List.of("train", "validation", "test"), List.copyOf(d.parts().keySet()));
    PARTS.forEach((part, perClass) -> assertEquals(perClass, d.parts().get(part), part));

    JsonNode card = JSON.readTree(trained.model().resolve("model.json").toFile()).get("info");
    JsonNode report = JSON.readTree(trained.report().toFile());
    for (JsonNode data : List.of(card.get("data"), report.get("data"))) {
      assertEquals(43, data.get("files").asInt());
      assertEquals(35, data.get("samples").asInt());
      assertEquals(8, data.get("skipped").asInt());
      assertEquals(3, data.get("skippedCounts").get("c").asInt());
      assertEquals(8, data.get("parts").get("train").get("c").asInt());
    }
  }

  @Test
  void theSplitIsOfTheGoodImagesOnlyAndTheEvaluationCountsItsWholePart() {
    assertEquals(ordered("train", 21, "validation", 8, "test", 6), trained.split());
    EvaluationReport e = trained.evaluation();
    assertEquals("test", e.part());
    assertEquals(6, e.samples(), "the test part's size");
    assertTrue(e.skippedFiles().isEmpty(), e.skippedFiles().toString());
    long[][] matrix = e.classification().confusionMatrix().counts();
    List<String> classes = List.copyOf(GOOD.keySet());
    for (int c = 0; c < matrix.length; c++) {
      long row = 0;
      for (long n : matrix[c]) {
        row += n;
      }
      assertEquals((long) PARTS.get("test").get(classes.get(c)), row, classes.get(c));
    }
  }

  @Test
  void everyFileLeftOutIsListedWithItsClassAndReason() throws Exception {
    List<CSVRecord> rows = csv(tmp.resolve("run").resolve(SkippedFiles.FILE));
    assertEquals(List.of("file", "label", "reason", "stage"), rows.get(0).toList());
    assertEquals(8, rows.size() - 1);
    for (CSVRecord row : rows.subList(1, rows.size())) {
      List<String> expected = BROKEN_FILES.get(row.get(0));
      assertEquals(expected.get(0), row.get(1), row.toString());
      assertTrue(row.get(2).startsWith(expected.get(1)), row.toString());
      assertEquals(SkippedFiles.CHECK, row.get(3));
    }
    assertEquals(List.copyOf(BROKEN_FILES.keySet()),
        rows.subList(1, rows.size()).stream().map(r -> r.get(0)).sorted().toList());
    assertEquals(List.copyOf(BROKEN_FILES.keySet()),
        trained.skippedFiles().stream().sorted().toList());
  }

  @Test
  void evaluatingAPartCountsThatPartsImagesAsTrainingDid() throws Exception {
    Map<String, Integer> sizes = ordered("train", 21, "validation", 8, "test", 6);
    for (EvaluateSettings.Part part : List.of(EvaluateSettings.Part.TEST,
        EvaluateSettings.Part.VALIDATION)) {
      Path out = tmp.resolve("eval-" + part.label());
      EvaluateResult r = new EvaluateJob(EvaluateSettings.builder(trained.model(),
          DataSource.folder(photos), out).part(part).workers(2).build()).run();
      assertEquals((int) sizes.get(part.label()), r.evaluation().samples(), part.label());
      assertEquals(PARTS.get(part.label()), r.dataSummary().parts().get(part.label()));
      assertEquals(trained.data().sha256(), r.dataSummary().sha256());
      assertEquals(9, csv(out.resolve(SkippedFiles.FILE)).size(), "header and 8 files");
      JsonNode json = JSON.readTree(out.resolve("evaluation.json").toFile());
      assertEquals(8, json.get("dataSummary").get("skipped").asInt());
    }
    EvaluateResult test = new EvaluateJob(EvaluateSettings.builder(trained.model(),
        DataSource.folder(photos), tmp.resolve("eval-test-again")).part(EvaluateSettings.Part.TEST)
        .workers(2).build()).run();
    assertEquals(trained.evaluation().classification().accuracy(),
        test.evaluation().classification().accuracy(), 0.0);
    assertEquals(trained.evaluation().classification().confusionMatrix(),
        test.evaluation().classification().confusionMatrix());

    EvaluateResult all = new EvaluateJob(EvaluateSettings.builder(trained.model(),
        DataSource.folder(photos), tmp.resolve("eval-all")).workers(2).build()).run();
    assertEquals(35, all.evaluation().samples());
    assertTrue(all.dataSummary().parts().isEmpty(), "all the data: no split");
  }

  @Test
  void aFileThatBreaksAfterTheCheckIsCountedAndListedInItsPart() throws Exception {
    Path out = tmp.resolve("changed");
    Path classB = photos.resolve("b");
    Path copy = tmp.resolve("b-copy");
    copyFolder(classB, copy);
    TrainResult r;
    try {
      r = new TrainJob(settings(out, TrainScope.ALL).build()).listen(breakGoodImagesOf(classB))
          .run();
    } finally {
      copyFolder(copy, classB);
    }
    assertEquals(35, r.data().samples(), "the check saw them whole");
    assertEquals(4, r.evaluation().samples(), "6 test images less b's 2");
    assertEquals(2, r.evaluation().skippedFiles().size());
    List<CSVRecord> rows = csv(out.resolve(SkippedFiles.FILE));
    assertEquals(1 + 8 + 10, rows.size());
    Map<String, Integer> stages = new TreeMap<>();
    for (CSVRecord row : rows.subList(1, rows.size())) {
      stages.merge(row.get(1) + " " + row.get(3), 1, Integer::sum);
    }
    assertEquals(Map.of("a check", 3, "b check", 2, "c check", 3, "b train", 6,
        "b validation", 2, "b test", 2), stages);
    assertEquals(8 + 10, r.skippedFiles().size());
  }

  @Test
  void headOnlyTrainingOnCachedFeaturesStopsWhenAnImageBreaksAfterTheCheck() throws Exception {
    Path classA = photos.resolve("a");
    Path copy = tmp.resolve("a-copy");
    copyFolder(classA, copy);
    try {
      TrainJob job = new TrainJob(settings(tmp.resolve("head"), TrainScope.HEAD).build())
          .listen(breakGoodImagesOf(classA));
      IllegalStateException e = assertThrows(IllegalStateException.class, job::run);
      assertTrue(e.getMessage().contains("7 of the 21 training images could not be read"),
          e.getMessage());
    } finally {
      copyFolder(copy, classA);
    }
  }

  @Test
  void givenFoldersLeaveBrokenFilesOutOfTheirOwnPart() throws Exception {
    Path root = tmp.resolve("given");
    BrokenFiles.good(root.resolve("train/a"), Glyph.CIRCLE, 4, 1);
    BrokenFiles.good(root.resolve("train/b"), Glyph.SQUARE, 4, 2);
    BrokenFiles.broken(root.resolve("train/b"), "cut", Kind.TRUNCATED_JPEG);
    BrokenFiles.good(root.resolve("val/a"), Glyph.CIRCLE, 2, 3);
    BrokenFiles.broken(root.resolve("val/a"), "zero", Kind.EMPTY);
    BrokenFiles.good(root.resolve("val/b"), Glyph.SQUARE, 2, 4);
    DataSource source = DataSource.splitFolders(root);
    CheckedData checked = source.check(source.load(), 2);
    DataSplits parts = source.split(checked.usable(), null, 0);
    assertEquals(8, parts.train().size());
    assertEquals(4, parts.validation().size());
    assertEquals(0, parts.test().size());
    DataSummary d = DataSummary.of(checked, source.base(), parts);
    assertEquals(ordered("a", 1, "b", 1), d.skippedCounts());
    assertEquals(ordered("a", 2, "b", 2), d.parts().get("validation"));
  }

  @Test
  void aCsvOfValuesCountsPerRoundedValueEvenWhenEveryFileOfAValueIsBroken() throws Exception {
    Path dir = tmp.resolve("values");
    BrokenFiles.good(dir, Glyph.RING, 3, 6);
    BrokenFiles.broken(dir, "cut", Kind.TRUNCATED_JPEG);
    BrokenFiles.broken(dir, "notes", Kind.TEXT_AS_JPEG);
    Files.writeString(dir.resolve("values.csv"), "path,value\ngood_0.png,1.2\ngood_1.jpg,0.9\n"
        + "good_2.png,2\ncut.jpg,2.4\nnotes.jpg,3\n");
    DataSource source = DataSource.csvValues(dir.resolve("values.csv"));
    CheckedData checked = source.check(source.load(), 2);
    DataSummary d = DataSummary.of(checked, source.base(), null);
    assertEquals(5, d.files());
    assertEquals(ordered("1", 2, "2", 1, "3", 0), d.counts());
    assertEquals(ordered("1", 0, "2", 1, "3", 1), d.skippedCounts());
    assertTrue(d.parts().isEmpty());
  }

  @Test
  void fileNameLabelsLeaveBrokenFilesOutOfTheirClass() throws Exception {
    Path dir = tmp.resolve("numbered");
    BrokenFiles.good(dir.resolve("tmp"), Glyph.CROSS, 2, 7);
    Files.move(dir.resolve("tmp/good_0.png"), dir.resolve("1_0001.png"));
    Files.move(dir.resolve("tmp/good_1.jpg"), dir.resolve("2_0001.jpg"));
    BrokenFiles.broken(dir, "2_0002", Kind.EMPTY);
    DataSource source = DataSource.fileNames(dir, null);
    DataSummary d = DataSummary.of(source.check(source.load(), 1), source.base(), null);
    assertEquals(ordered("1", 1, "2", 1), d.counts());
    assertEquals(ordered("1", 0, "2", 1), d.skippedCounts());
  }

  /** Overwrites every good image of {@code dir} with text when training starts. */
  private static TrainingListener breakGoodImagesOf(Path dir) {
    return new TrainingListener() {
      @Override
      public void onTrainingStart(TrainingRun run) {
        try (Stream<Path> files = Files.list(dir)) {
          for (Path f : files.filter(f -> f.getFileName().toString().startsWith("good_"))
              .toList()) {
            Files.writeString(f, "overwritten after the check");
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  private static void copyFolder(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private static List<CSVRecord> csv(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file)) {
      return CSVFormat.DEFAULT.parse(in).getRecords();
    }
  }

  private static Map<String, Integer> ordered(Object... keysAndValues) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], (Integer) keysAndValues[i + 1]);
    }
    return m;
  }
}
