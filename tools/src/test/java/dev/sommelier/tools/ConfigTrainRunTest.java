package dev.sommelier.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.sommelier.tasks.data.synthetic.FileFormat;
import dev.sommelier.tasks.data.synthetic.Layout;
import dev.sommelier.tasks.data.synthetic.ShapeImages;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --config} and {@code --save-config} end to end: a small CNN for one epoch on 2 x 10
 * generated shapes, checked in report.json.
 */
class ConfigTrainRunTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @BeforeEach
  void shapes() throws Exception {
    new ShapeImages(2, 10, 32, FileFormat.PNG, Layout.CLASS_FOLDERS, 6)
        .writeTo(tmp.resolve("data/shapes"));
  }

  private JsonNode reportSettings(Path out) throws Exception {
    return JSON.readTree(out.resolve("report.json").toFile()).get("settings");
  }

  @Test
  void theReportShowsTheFilesValuesAndTheCommandLinesOverride() throws Exception {
    Path config = Files.writeString(tmp.resolve("run.yaml"), String.join("\n",
        "folder: data/shapes",
        "backbone: simple_cnn:blocks=2,width=4",
        "input-size: 32",
        "epochs: 2",
        "lr: 0.005",
        "batch: 10",
        "workers: 2",
        "out: runs/from-file",
        ""));
    Path out = tmp.resolve("runs/from-command-line");
    CliRun r = CliRun.of("train", "--config", config.toString(), "--epochs", "1",
        "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    JsonNode s = reportSettings(out);
    assertEquals(1, s.get("epochs").asInt(), "the command line's epochs");
    assertEquals(0.005, s.get("learningRate").asDouble(), 1e-9, "the file's rate");
    assertEquals("simple_cnn:blocks=2,width=4", s.get("backbone").asText());
    assertEquals(32, s.get("inputSize").asInt());
    assertEquals(10, s.get("batchSize").asInt());
    assertTrue(s.get("data").asText().contains(tmp.resolve("data/shapes").toString()),
        s.toString());
    assertEquals(out.toString(), s.get("out").asText());
  }

  @Test
  void aSavedConfigReadsBackToTheSameSettings() throws Exception {
    Path saved = tmp.resolve("configs/shapes.yaml");
    Path out = tmp.resolve("runs/saved");
    CliRun r = CliRun.of("train", "--folder", tmp.resolve("data/shapes").toString(),
        "--backbone", "simple_cnn:blocks=2,width=4", "--input-size", "32", "--head", "mlp",
        "--hidden", "16,8", "--dropout", "0.25", "--split", "7:3", "--lr", "0.003",
        "--schedule", "step:1:0.5", "--augment", "default,cutout:0.2@0.25", "--epochs", "1",
        "--batch", "10", "--workers", "2", "--out", out.toString(), "--save-config", saved.toString());
    assertEquals(0, r.exit(), r.err());

    JsonNode file = new YAMLMapper().readTree(saved.toFile());
    assertEquals("../data/shapes", file.get("folder").asText(), file.toString());
    assertEquals("../runs/saved", file.get("out").asText(), file.toString());
    assertEquals("[16,8]", file.get("hidden").toString());
    assertEquals("flip,affine,brightness,contrast,cutout:0.2@0.25", file.get("augment").asText(),
        file.toString());
    assertEquals("flip,affine,brightness,contrast,cutout:0.2@0.25",
        reportSettings(out).get("augment").asText());

    TrainCommand again = (TrainCommand) Sommelier.commandLine()
        .parseArgs("train", "--config", saved.toString())
        .subcommand().commandSpec().userObject();
    JsonNode readBack = JSON.readTree(JSON.writeValueAsString(again.settings().describe()));
    assertEquals(reportSettings(out), readBack);
  }
}
