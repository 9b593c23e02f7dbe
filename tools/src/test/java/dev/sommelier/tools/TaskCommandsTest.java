package dev.sommelier.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sommelier.tasks.data.synthetic.FileFormat;
import dev.sommelier.tasks.data.synthetic.Layout;
import dev.sommelier.tasks.data.synthetic.ShapeImages;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train}, {@code evaluate} and {@code predict} in-process on 2 x 20 generated shapes. */
class TaskCommandsTest {

  @TempDir Path tmp;

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void trainThenEvaluateThenPredict() throws Exception {
    Path shapes = tmp.resolve("shapes");
    new ShapeImages(2, 20, 32, FileFormat.PNG, Layout.CLASS_FOLDERS, 2).writeTo(shapes);
    Path runDir = tmp.resolve("run");
    CliRun train = run("train", "--folder", shapes.toString(), "--split", "6:2:2", "--seed", "3",
        "--backbone", "pixels", "--input-size", "16", "--head", "mlp", "--hidden", "16",
        "--dropout", "0", "--scope", "all", "--optimizer", "adam", "--lr", "0.003",
        "--epochs", "2", "--batch", "8", "--workers", "2", "--out", runDir.toString(), "--json");
    assertEquals(0, train.exit(), train.err());
    JsonNode t = train.json();
    assertEquals(runDir.resolve("model").toString(), t.get("model").asText());
    assertEquals(2, t.get("epochs").size());
    assertEquals("mlp", t.get("settings").get("head").asText());
    assertEquals(16, t.get("settings").get("inputSize").asInt());
    assertEquals(8, t.get("evaluation").get("classification").get("samples").asInt());
    assertTrue(Files.isRegularFile(runDir.resolve("report.json")));
    assertTrue(Files.isRegularFile(runDir.resolve("model/model.json")));
    assertEquals(9, Files.readAllLines(runDir.resolve("test-predictions.csv")).size());
    assertEquals(runDir.resolve("report/index.html").toString(), t.get("reportPage").asText());
    assertTrue(Files.isRegularFile(runDir.resolve("report/confusion-matrix.png")));

    CliRun evaluate = run("evaluate", "--model", runDir.resolve("model").toString(), "--folder",
        shapes.toString(), "--part", "test", "--workers", "2", "--out",
        tmp.resolve("eval").toString(), "--json");
    assertEquals(0, evaluate.exit(), evaluate.err());
    assertEquals(t.get("evaluation").get("classification").get("accuracy").asDouble(),
        evaluate.json().get("evaluation").get("classification").get("accuracy").asDouble(), 0.0);
    assertTrue(Files.isRegularFile(tmp.resolve("eval/evaluation.json")));

    CliRun text = run("evaluate", "--model", runDir.resolve("model").toString(), "--folder",
        shapes.toString(), "--out", tmp.resolve("eval-all").toString());
    assertEquals(0, text.exit(), text.err());
    assertTrue(text.out().contains("All (40 images): accuracy "), text.out());
    assertTrue(text.out().contains("true \\ predicted  circle  square"), text.out());

    CliRun predict = run("predict", "--model", runDir.resolve("model").toString(), "--out",
        tmp.resolve("predictions").toString(), shapes.resolve("circle").toString(), "--json");
    assertEquals(0, predict.exit(), predict.err());
    JsonNode p = predict.json();
    assertEquals(20, p.get("predictions").size());
    assertEquals(2, p.get("predictions").get(0).get("classes").size());
    assertTrue(Files.isRegularFile(tmp.resolve("predictions/predictions.csv")));
  }

  @Test
  void trainingStartsFromAKerasBackbone() throws Exception {
    Path shapes = tmp.resolve("shapes");
    new ShapeImages(2, 10, 32, FileFormat.PNG, Layout.CLASS_FOLDERS, 4).writeTo(shapes);
    Path keras = Path.of(System.getProperty("sommelier.fixtures"), "keras-mobilenet-1.0-224");
    CliRun train = run("train", "--folder", shapes.toString(), "--backbone", "mobilenet_v1",
        "--weights", keras.toString(), "--input-size", "64", "--epochs", "1", "--batch", "10",
        "--workers", "2", "--out", tmp.resolve("run").toString(), "--json");
    assertEquals(0, train.exit(), train.err());
    assertEquals(keras.toString(), train.json().get("settings").get("backboneWeights").asText());
    CliRun wrong = run("train", "--folder", shapes.toString(), "--backbone", "resnet50",
        "--weights", keras.toString(), "--input-size", "32", "--epochs", "1",
        "--out", tmp.resolve("run2").toString());
    assertEquals(2, wrong.exit());
    assertTrue(wrong.err().contains("choose --backbone mobilenet_v1:alpha=1.0"), wrong.err());
  }

  @Test
  void trainingStartsFromTheOfficialKerasWeightFile() throws Exception {
    Path shapes = tmp.resolve("shapes");
    new ShapeImages(2, 10, 32, FileFormat.PNG, Layout.CLASS_FOLDERS, 4).writeTo(shapes);
    Path h5 = Path.of(getClass().getResource(
        "/dev/sommelier/backbones/imagenet/mobilenet_2_5_224_tf_no_top.h5").toURI());
    CliRun train = run("train", "--folder", shapes.toString(),
        "--backbone", "mobilenet_v1:alpha=0.25", "--weights", h5.toString(), "--input-size", "32",
        "--epochs", "1", "--batch", "10", "--workers", "2", "--out", tmp.resolve("run").toString(),
        "--json");
    assertEquals(0, train.exit(), train.err());
    assertEquals(h5.toString(), train.json().get("settings").get("backboneWeights").asText());
    CliRun wrong = run("train", "--folder", shapes.toString(), "--weights", h5.toString(),
        "--input-size", "32", "--epochs", "1", "--out", tmp.resolve("run2").toString());
    assertEquals(2, wrong.exit());
    assertTrue(wrong.err().contains("holds mobilenet_v1:alpha=0.25 weights, the model is"
        + " mobilenet_v1:alpha=1.0; choose --backbone mobilenet_v1:alpha=0.25"), wrong.err());
  }

  @Test
  void aMissingDataFolderIsBadInput() {
    Path missing = tmp.resolve("no-such-data");
    CliRun r = run("train", "--folder", missing.toString(), "--out", tmp.resolve("o").toString());
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains(missing.toString()), r.err());
    assertEquals("", r.out());
  }

  @Test
  void badUsageOfTheTaskCommandsExitsTwo() {
    String out = tmp.resolve("o").toString();
    assertEquals(2, run("train", "--out", out).exit(), "no data source");
    assertEquals(2, run("train", "--folder", "a", "--csv-values", "b", "--out", out).exit());
    CliRun optimizer = run("train", "--folder", tmp.toString(), "--optimizer", "rmsprop",
        "--out", out);
    assertEquals(2, optimizer.exit());
    assertTrue(optimizer.err().contains("sgd, momentum, nesterov or adam"), optimizer.err());
    CliRun model = run("evaluate", "--model", tmp.resolve("none").toString(), "--folder",
        tmp.toString(), "--out", out);
    assertEquals(2, model.exit());
    assertTrue(model.err().contains("not a Sommelier model directory"), model.err());
    assertEquals(2, run("predict", "--model", "m", "--out", out).exit(), "no images");
  }
}
