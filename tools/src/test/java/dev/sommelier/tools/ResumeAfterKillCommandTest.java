package dev.sommelier.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sommelier.tasks.data.synthetic.FileFormat;
import dev.sommelier.tasks.data.synthetic.Layout;
import dev.sommelier.tasks.data.synthetic.ShapeImages;
import dev.sommelier.tasks.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sommelier train} killed with SIGKILL in the middle of epoch 3 and run again with the same
 * command ends as the uninterrupted command does: the same numbers for every epoch, the same
 * weights and the same test predictions. The settings are those of a first run on one's own photos
 * (the default softmax head with dropout, head-only training on features computed once) with Adam
 * and a plateau schedule. About 11 s on a shared 2-core machine.
 */
class ResumeAfterKillCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private List<String> train(Path shapes, Path out) {
    return List.of("train", "--folder", shapes.toString(), "--split", "6:2:2", "--seed", "5",
        "--backbone", "simple_cnn:blocks=2,width=8", "--input-size", "32", "--optimizer", "adam",
        "--lr", "0.01", "--schedule", "plateau:1:0.5", "--epochs", "4", "--batch", "4",
        "--workers", "2", "--out", out.toString(), "--json");
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aTrainCommandKilledInTheMiddleOfAnEpochResumesToTheUninterruptedResult() throws Exception {
    Path shapes = tmp.resolve("shapes");
    new ShapeImages(2, 50, 32, FileFormat.PNG, Layout.CLASS_FOLDERS, 13).writeTo(shapes);
    Path whole = tmp.resolve("whole");
    CliRun uninterrupted = CliRun.of(train(shapes, whole).toArray(String[]::new));
    assertEquals(0, uninterrupted.exit(), uninterrupted.err());

    Path resumed = tmp.resolve("resumed");
    List<String> paused = new ArrayList<>(List.of("epoch 3/4 step 10/15"));
    paused.addAll(train(shapes, resumed));
    try (ChildJvm first = ChildJvm.start(tmp.resolve("first.log"), PausingLauncher.class,
        paused.toArray())) {
      first.awaitLine("paused");
      assertEquals(128 + 9, first.kill(), "killed by SIGKILL");
    }
    assertEquals(2, JSON.readTree(
        resumed.resolve("checkpoints/last/training-state.json").toFile()).size());
    JsonNode second;
    Path log = tmp.resolve("second.log");
    try (ChildJvm child = ChildJvm.start(log, Sommelier.class, train(shapes, resumed).toArray())) {
      second = JSON.readTree(String.join("\n", child.finish()));
    }
    assertTrue(Files.readString(log).contains("after epoch 2"), Files.readString(log));

    JsonNode expected = uninterrupted.json();
    assertEquals(withoutTimings(expected.get("epochs")), withoutTimings(second.get("epochs")));
    assertEquals(expected.get("evaluation"), second.get("evaluation"));
    assertEquals(Files.readString(whole.resolve("test-predictions.csv")),
        Files.readString(resumed.resolve("test-predictions.csv")));
    for (String file : List.of("variables.index", "variables.data-00000-of-00001")) {
      assertArrayEquals(Files.readAllBytes(whole.resolve("model").resolve(file)),
          Files.readAllBytes(resumed.resolve("model").resolve(file)), file);
    }
  }

  private static JsonNode withoutTimings(JsonNode epochs) {
    JsonNode copy = epochs.deepCopy();
    for (JsonNode e : copy) {
      ((ObjectNode) e).remove(List.of("seconds", "imagesPerSecond"));
    }
    assertEquals(4, copy.size());
    return copy;
  }
}
