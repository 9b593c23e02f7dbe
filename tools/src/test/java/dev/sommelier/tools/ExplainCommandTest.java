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

/** {@code explain} in-process on a small CNN trained for one epoch on 2 x 6 generated shapes. */
class ExplainCommandTest {

  @TempDir Path tmp;

  @Test
  void explainsAFolderAsJson() throws Exception {
    Path shapes = tmp.resolve("shapes");
    new ShapeImages(2, 6, 32, FileFormat.PNG, Layout.CLASS_FOLDERS, 5).writeTo(shapes);
    Path run = tmp.resolve("run");
    CliRun train = CliRun.of("train", "--folder", shapes.toString(), "--seed", "3",
        "--backbone", "simple_cnn:blocks=2,width=4", "--input-size", "32", "--scope", "all",
        "--optimizer", "adam", "--lr", "0.01", "--epochs", "1", "--batch", "6", "--workers", "2",
        "--out", run.toString());
    assertEquals(0, train.exit(), train.err());

    Path out = tmp.resolve("explained");
    CliRun r = CliRun.of("explain", "--model", run.resolve("model").toString(), "--images",
        shapes.resolve("square").toString(), "--method", "gradcam++", "--deletion-steps", "4",
        "--out", out.toString(), "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode j = r.json();
    assertEquals("GRAD_CAM_PLUS_PLUS", j.get("method").asText());
    assertEquals(6, j.get("images").size());
    JsonNode x = j.get("images").get(0).get("explanations").get(0);
    assertTrue(x.get("peakX").asInt() >= 0 && x.get("peakX").asInt() < 32, x.toString());
    assertTrue(x.get("peakY").asInt() >= 0 && x.get("peakY").asInt() < 32, x.toString());
    assertEquals(5, x.get("faithfulness").get("map").get("scores").size());
    assertEquals(6, j.get("faithfulness").get("maps").asInt());
    assertTrue(Files.isRegularFile(Path.of(x.get("overlay").asText())));
    assertTrue(Files.isRegularFile(out.resolve("explanations.json")));
    assertTrue(Files.isRegularFile(out.resolve("contact-sheet.png")));

    CliRun text = CliRun.of("explain", "--model", run.resolve("model").toString(), "--images",
        shapes.resolve("circle").toString(), "--out", tmp.resolve("text").toString());
    assertEquals(0, text.exit(), text.err());
    assertTrue(text.out().contains("mean deletion AUC"), text.out());
  }

  @Test
  void badInputExitsTwo() {
    Path missing = tmp.resolve("no-model");
    CliRun r = CliRun.of("explain", "--model", missing.toString(), "--images", tmp.toString(),
        "--out", tmp.resolve("o").toString());
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains("not a Sommelier model directory"), r.err());
    CliRun method = CliRun.of("explain", "--model", missing.toString(), "--images",
        tmp.toString(), "--method", "lime", "--out", tmp.toString());
    assertEquals(2, method.exit());
    assertTrue(method.err().contains("gradcam or gradcam++"), method.err());
  }
}
