package dev.sommelier.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sommelier.tasks.data.synthetic.MultiShapeImages;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's multi-label commands end to end through the launcher on 80 drawn images of three
 * shapes: {@code train --csv-labels --head multilabel --thresholds tune}, {@code evaluate}, {@code
 * predict} and {@code explain} (one label asked for, then each image's present labels), each
 * checked by the files and JSON it writes (the report's precision-recall plot among them; the
 * plumbing, not the accuracy: two epochs).
 */
class MultiLabelCommandsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> LABELS = List.of("cross", "ring", "triangle");

  @TempDir Path tmp;

  @Test
  void trainEvaluatePredictAndExplainAMultiLabelModel() throws Exception {
    Path data = tmp.resolve("parts");
    new MultiShapeImages(3, 80, 32, 7).writeTo(data);
    Path csv = data.resolve(MultiShapeImages.CSV);
    Path runDir = tmp.resolve("run");
    Path model = runDir.resolve("model");

    CliRun train = CliRun.of("train", "--csv-labels", csv.toString(), "--head", "multilabel",
        "--split", "6:2:2", "--backbone", "mobilenet_v1:alpha=0.25", "--weights", "imagenet",
        "--thresholds", "tune", "--positive-weights", "1,2,1", "--input-size", "32",
        "--epochs", "2", "--batch", "8", "--workers", "2", "--seed", "3",
        "--out", runDir.toString(), "--json");
    assertEquals(0, train.exit(), train.err());
    JsonNode t = train.json();
    JsonNode trainLabels = t.at("/evaluation/labels");
    assertEquals(LABELS, names(trainLabels.get("labels")));
    int testImages = trainLabels.get("samples").asInt();
    assertEquals(Files.readAllLines(runDir.resolve("test-predictions.csv")).size() - 1,
        testImages);
    JsonNode card = JSON.readTree(model.resolve("model.json").toFile());
    assertEquals(LABELS, strings(card.at("/config/classes")));
    assertEquals("SIGMOID", card.at("/config/head/output").asText());
    JsonNode thresholds = card.at("/config/thresholds");
    assertEquals(3, thresholds.size(), card.toString());
    for (int j = 0; j < 3; j++) {
      double stored = thresholds.get(j).asDouble();
      assertTrue(stored > 0 && stored < 1, "tuned threshold " + stored);
      assertEquals(stored, trainLabels.get("labels").get(j).get("threshold").asDouble(), 1e-6);
    }
    Path curves = runDir.resolve("report/precision-recall.png");
    BufferedImage plot = ImageIO.read(curves.toFile());
    assertEquals(560, plot.getWidth(), "the precision-recall plot decodes at its size");
    String page = Files.readString(runDir.resolve("report/index.html"));
    assertTrue(page.contains("data:image/png;base64,"
        + Base64.getEncoder().encodeToString(Files.readAllBytes(curves))), "the page embeds it");
    assertTrue(page.contains("Precision-recall per label"), "its caption");

    CliRun evaluate = CliRun.of("evaluate", "--model", model.toString(), "--csv-labels",
        csv.toString(), "--part", "test", "--workers", "2", "--out",
        tmp.resolve("eval").toString(), "--json");
    assertEquals(0, evaluate.exit(), evaluate.err());
    JsonNode e = evaluate.json().at("/evaluation/labels");
    assertEquals(testImages, e.get("samples").asInt());
    assertEquals(trainLabels.get("macroF1").asDouble(), e.get("macroF1").asDouble(), 1e-9);
    JsonNode written = JSON.readTree(tmp.resolve("eval/evaluation.json").toFile());
    JsonNode perLabel = written.at("/evaluation/labels/labels");
    assertEquals(LABELS, names(perLabel));
    for (JsonNode l : perLabel) {
      for (String field : List.of("precision", "recall", "f1", "averagePrecision", "threshold")) {
        assertTrue(l.get(field).isNumber(), field + " of " + l);
      }
    }

    CliRun predict = CliRun.of("predict", "--model", model.toString(), "--out",
        tmp.resolve("predictions").toString(), data.resolve("img_0000.png").toString(),
        data.resolve("img_0001.png").toString(), "--json");
    assertEquals(0, predict.exit(), predict.err());
    JsonNode p = predict.json().get("predictions");
    assertEquals(2, p.size());
    for (JsonNode one : p) {
      assertEquals(3, one.get("classes").size(), one.toString());
      List<String> expected = new ArrayList<>();
      for (JsonNode c : one.get("classes")) {
        if (c.get("probability").asDouble() >= thresholds.get(c.get("index").asInt()).asDouble()) {
          expected.add(c.get("name").asText());
        }
      }
      assertEquals(expected.stream().sorted().toList(),
          strings(one.get("labels")).stream().sorted().toList(), one.toString());
    }
    assertTrue(Files.isRegularFile(tmp.resolve("predictions/predictions.csv")));

    CliRun explain = CliRun.of("explain", "--model", model.toString(), "--class", "ring",
        "--images", data.resolve("img_0000.png").toString(), "--out",
        tmp.resolve("explained").toString(), "--json");
    assertEquals(0, explain.exit(), explain.err());
    JsonNode x = JSON.readTree(tmp.resolve("explained/explanations.json").toFile());
    JsonNode maps = x.at("/images/0/explanations");
    assertEquals(1, maps.size(), x.toString());
    assertTrue(maps.get(0).get("target").asText().contains("'ring'"), maps.toString());
    assertTrue(Files.isRegularFile(Path.of(maps.get(0).get("overlay").asText())));
    assertTrue(Files.isRegularFile(tmp.resolve("explained/contact-sheet.png")));

    CliRun present = CliRun.of("explain", "--model", model.toString(), "--images",
        data.resolve("img_0000.png").toString(), "--out", tmp.resolve("present").toString(),
        "--json");
    assertEquals(0, present.exit(), present.err());
    JsonNode image = present.json().at("/images/0");
    List<String> labels = new ArrayList<>();
    JsonNode predicted = p.get(0);
    predicted.get("labels").forEach(l -> labels.add(l.asText()));
    if (labels.isEmpty()) {
      labels.add(predicted.get("classes").get(0).get("name").asText());
    }
    assertEquals(labels.size(), image.get("explanations").size(), image.toString());
    for (JsonNode m : image.get("explanations")) {
      String target = m.get("target").asText();
      assertTrue(labels.stream().anyMatch(l -> target.contains("'" + l + "'")), target);
    }
  }

  private static List<String> names(JsonNode labels) {
    List<String> names = new ArrayList<>();
    labels.forEach(l -> names.add(l.get("name").asText()));
    return names;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(s -> out.add(s.asText()));
    return out;
  }
}
