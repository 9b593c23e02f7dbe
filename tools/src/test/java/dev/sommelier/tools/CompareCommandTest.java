package dev.sommelier.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sommelier.tasks.data.synthetic.FileFormat;
import dev.sommelier.tasks.data.synthetic.Layout;
import dev.sommelier.tasks.data.synthetic.ShapeImages;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof of {@code sommelier compare}: an MLP on pixels, a small CNN from scratch and
 * MobileNet 0.25 from its ImageNet weights (twice: a softmax head and an MLP head, both head-only)
 * on drawn shapes, compared once and then resumed (last, as it rewrites the page). One comparison
 * serves every test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CompareCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> RUNS = List.of("mlp", "cnn", "mobilenet", "mobilenet-mlp");

  @TempDir static Path tmp;
  private static Path out;
  private static CliRun first;
  private static JsonNode result;

  @BeforeAll
  static void compare() throws Exception {
    Path shapes = tmp.resolve("shapes");
    new ShapeImages(3, 30, 64, FileFormat.PNG, Layout.CLASS_FOLDERS, 11).writeTo(shapes);
    Path runs = tmp.resolve("runs.yaml");
    Files.writeString(runs, """
        mlp: {backbone: pixels, head: mlp, hidden: [32], input-size: 32, scope: all,
              optimizer: adam, lr: 0.003}
        cnn: {backbone: simple_cnn, input-size: 32, scope: all, optimizer: adam, lr: 0.003}
        mobilenet: {backbone: "mobilenet_v1:alpha=0.25", weights: imagenet, optimizer: adam,
                    lr: 0.01}
        mobilenet-mlp: {backbone: "mobilenet_v1:alpha=0.25", weights: imagenet, head: mlp,
                        hidden: [32], optimizer: adam, lr: 0.003}
        """);
    out = tmp.resolve("which");
    first = CliRun.of("compare", "--folder", shapes.toString(), "--runs", runs.toString(),
        "--epochs", "2", "--input-size", "64", "--batch", "16", "--workers", "2", "--explain", "2",
        "--out", out.toString(), "--json");
    assertEquals(0, first.exit(), first.err());
    result = first.json();
  }

  @Test
  void everyRunIsAnOrdinaryRunFolderOnTheSameSplit() throws Exception {
    List<String> testIds = null;
    JsonNode split = null;
    for (String run : RUNS) {
      Path dir = out.resolve(run);
      assertTrue(Files.isRegularFile(dir.resolve("model/model.json")), run);
      assertTrue(Files.isRegularFile(dir.resolve("report/index.html")), run);
      JsonNode report = JSON.readTree(dir.resolve("report.json").toFile());
      assertEquals(42, report.path("settings").path("seed").asLong());
      List<String> ids = predictions(dir).stream().map(r -> r.get("id")).toList();
      if (testIds == null) {
        testIds = ids;
        split = report.path("split");
      }
      assertEquals(testIds, ids, run + " was evaluated on other images");
      assertEquals(split, report.path("split"), run);
    }
    assertEquals(18, testIds.size()); // 6:2:2 of 30 per class, 3 classes
    assertEquals(54, split.path("train").asInt());
  }

  @Test
  void headOnlyRunsOnTheSameBackboneComputeItsFeaturesOnce() {
    JsonNode uses = result.path("featureUses");
    assertEquals(2, uses.size(), uses.toString()); // mlp and cnn train every layer: no features
    JsonNode computed = uses.get(0);
    JsonNode reused = uses.get(1);
    assertTrue(computed.path("computed").asBoolean());
    assertFalse(reused.path("computed").asBoolean());
    assertEquals(computed.path("key").asText(), reused.path("key").asText());
    assertEquals(54, computed.path("images").asInt());
    assertEquals(54, reused.path("images").asInt());
    assertTrue(reused.path("seconds").asDouble() < computed.path("seconds").asDouble(),
        uses.toString());
    assertTrue(run("mobilenet").path("features").get(0).path("computed").asBoolean());
    assertFalse(run("mobilenet-mlp").path("features").get(0).path("computed").asBoolean());
  }

  @Test
  void theReportsNumbersAreEachRunsOwn() throws Exception {
    for (String run : RUNS) {
      JsonNode own = JSON.readTree(out.resolve(run).resolve("report.json").toFile())
          .path("evaluation");
      JsonNode compared = run(run).path("evaluation");
      assertEquals(own.path("classification").path("accuracy").asDouble(),
          compared.path("classification").path("accuracy").asDouble(), 0.0, run);
      assertEquals(own.path("classification").path("macroF1").asDouble(),
          compared.path("classification").path("macroF1").asDouble(), 0.0, run);
      assertEquals(own.path("samples").asInt(), compared.path("samples").asInt(), run);
      // independently: the share of right answers in the run's predictions file
      List<CSVRecord> rows = predictions(out.resolve(run));
      long right = rows.stream().filter(r -> r.get("true").equals(r.get("predicted"))).count();
      assertEquals((double) right / rows.size(),
          compared.path("classification").path("accuracy").asDouble(), 1e-12, run);
      JsonNode interval = run(run).path("accuracy");
      assertEquals(right, interval.path("successes").asLong());
      assertTrue(interval.path("lower").asDouble() <= (double) right / rows.size());
      assertTrue(interval.path("upper").asDouble() >= (double) right / rows.size());
    }
    // the run's own input size (32) wins over the comparison's (64): 32x32x3 pixels -> 32 -> 3
    assertEquals(3 * 32 * 32 * 32 + 32 + 32 * 3 + 3, run("mlp").path("totalParameters").asLong());
    assertEquals(run("mlp").path("totalParameters").asLong(),
        run("mlp").path("trainedParameters").asLong());
    long mobileNet = run("mobilenet").path("totalParameters").asLong();
    long head = run("mobilenet").path("trainedParameters").asLong();
    assertEquals(256 * 3 + 3, head); // GAP of 256 channels -> softmax over 3 classes
    assertTrue(mobileNet > 200_000, "MobileNet 0.25 holds about 0.2 M parameters");
    assertTrue(run("mobilenet").path("flopsPerImage").asLong()
        > run("mlp").path("flopsPerImage").asLong());
    double bestAccuracy = -1;
    String best = null;
    for (String r : RUNS) {
      double a = run(r).path("evaluation").path("classification").path("accuracy").asDouble();
      if (a > bestAccuracy) {
        bestAccuracy = a;
        best = r;
      }
    }
    for (String r : RUNS) {
      assertEquals(r.equals(best), run(r).path("best").asBoolean(), r);
    }
  }

  @Test
  void mcNemarPairsTheRunsAnswers() throws Exception {
    JsonNode pairs = result.path("pairs");
    assertEquals(6, pairs.size());
    for (JsonNode p : pairs) {
      List<CSVRecord> a = predictions(out.resolve(p.path("first").asText()));
      List<CSVRecord> b = predictions(out.resolve(p.path("second").asText()));
      int onlyFirst = 0;
      int onlySecond = 0;
      for (int i = 0; i < a.size(); i++) {
        boolean ra = a.get(i).get("true").equals(a.get(i).get("predicted"));
        boolean rb = b.get(i).get("true").equals(b.get(i).get("predicted"));
        onlyFirst += ra && !rb ? 1 : 0;
        onlySecond += rb && !ra ? 1 : 0;
      }
      JsonNode test = p.path("test");
      assertEquals(onlyFirst, test.path("onlyFirst").asInt());
      assertEquals(onlySecond, test.path("onlySecond").asInt());
      assertEquals("exact binomial", test.path("method").asText()); // 18 images: < 25 discordant
      double tail = 0;
      int n = onlyFirst + onlySecond;
      for (int k = 0; k <= Math.min(onlyFirst, onlySecond); k++) {
        tail += binomial(n, k) / Math.pow(2, n);
      }
      assertEquals(Math.min(1, 2 * tail), test.path("pValue").asDouble(), 1e-12);
    }
  }

  @Test
  void thePageAndTheTableShowEveryRun() throws Exception {
    Path page = out.resolve("compare/index.html");
    String html = Files.readString(page, StandardCharsets.UTF_8);
    for (String run : RUNS) {
      assertTrue(html.contains(run), run);
    }
    assertTrue(html.contains("McNemar"));
    assertTrue(html.contains("deletion AUC"));
    assertTrue(Files.isRegularFile(out.resolve("compare/compare-curves.png")));
    assertTrue(Files.isRegularFile(out.resolve("compare/compare-cost.png")));
    assertEquals(2, result.path("explainedImages").size());
    for (JsonNode e : result.path("explanations")) {
      assertEquals(2, e.path("cells").size(), e.toString());
    }
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void theSameCommandAgainRunsNothingAgain() throws Exception {
    Path epochs = out.resolve("mobilenet/epochs.csv");
    FileTime before = Files.getLastModifiedTime(epochs);
    CliRun again = CliRun.of("compare", "--folder", tmp.resolve("shapes").toString(), "--runs",
        tmp.resolve("runs.yaml").toString(), "--epochs", "2", "--input-size", "64", "--batch",
        "16", "--workers", "2", "--explain", "0", "--out", out.toString());
    assertEquals(0, again.exit(), again.err());
    assertEquals(before, Files.getLastModifiedTime(epochs));
    assertTrue(again.out().contains("computed 0 time(s)"), again.out());
    assertTrue(again.out().contains("McNemar"), again.out());
    for (String run : RUNS) {
      assertTrue(again.out().contains(run), again.out());
    }
  }

  private static JsonNode run(String name) {
    for (JsonNode r : result.path("runs")) {
      if (r.path("name").asText().equals(name)) {
        return r;
      }
    }
    throw new AssertionError("no run " + name + " in " + result);
  }

  private static List<CSVRecord> predictions(Path dir) throws Exception {
    try (Reader in = Files.newBufferedReader(dir.resolve("test-predictions.csv"))) {
      return new ArrayList<>(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
          .build().parse(in).getRecords());
    }
  }

  private static double binomial(int n, int k) {
    double c = 1;
    for (int i = 1; i <= k; i++) {
      c = c * (n - i + 1) / i;
    }
    return c;
  }
}
