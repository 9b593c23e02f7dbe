package dev.sommelier.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.core.Device;
import dev.sommelier.core.layers.BatchNormMode;
import dev.sommelier.heads.HeadSpec;
import dev.sommelier.heads.Pooling;
import dev.sommelier.tasks.model.ModelConfig;
import dev.sommelier.tasks.model.ModelStore;
import dev.sommelier.tasks.model.TaskModel;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code predict} and {@code explain} on a folder of class folders ({@code test/a}, {@code test/b})
 * holding the same picture once in each, so whatever an (untrained) model answers, exactly one of
 * the two is right; and on files none of which is an image, which is a failure (exit 2).
 */
class KnownTruthCommandsTest {

  @TempDir static Path tmp;
  private static Path model;
  private static Path test;
  private static Path unreadable;

  @BeforeAll
  static void modelAndImages() throws Exception {
    model = tmp.resolve("model");
    ModelConfig config = new ModelConfig("pixels", 8, HeadSpec.softmax(2, Pooling.GAP, 0f),
        List.of("a", "b"), BatchNormMode.FROZEN, 7);
    try (TaskModel m = TaskModel.create(config, BackboneRegistry.load(), Device.CPU)) {
      ModelStore.save(m, model, Map.of());
    }
    test = tmp.resolve("test");
    BufferedImage picture = new BufferedImage(12, 10, BufferedImage.TYPE_INT_RGB);
    picture.setRGB(3, 4, 0xC08040);
    for (String folder : List.of("a", "b")) {
      Files.createDirectories(test.resolve(folder));
      ImageIO.write(picture, "png", test.resolve(folder).resolve("same.png").toFile());
    }
    Files.writeString(test.resolve("b/broken.png"), "not an image");
    unreadable = Files.createDirectories(tmp.resolve("unreadable"));
    Files.writeString(unreadable.resolve("one.png"), "not an image");
    Files.write(unreadable.resolve("two.jpg"), new byte[0]);
  }

  @Test
  void predictMarksEachAnswerAndPrintsTheAccuracy() throws Exception {
    CliRun text = CliRun.of("predict", "--model", model.toString(), "--out",
        tmp.resolve("p-text").toString(), test.toString());
    assertEquals(0, text.exit(), text.err());
    assertMarkedOnceEach(text.out(), test.resolve("a/same.png"), test.resolve("b/same.png"));
    assertTrue(text.out().contains(test.resolve("b/broken.png") + "  skipped: "), text.out());
    assertTrue(text.out().contains("Accuracy 0.5000: 1 of the 2 images whose folder names their"
        + " class are right, 1 wrong"), text.out());

    CliRun json = CliRun.of("predict", "--model", model.toString(), "--out",
        tmp.resolve("p-json").toString(), test.toString(), "--json");
    assertEquals(0, json.exit(), json.err());
    JsonNode truth = json.json().get("knownTruth");
    assertEquals(0.5, truth.get("accuracy").asDouble(), 0.0);
    assertEquals(2, truth.get("images").asInt());
  }

  @Test
  void explainMarksEachAnswerAndPrintsTheAccuracy() throws Exception {
    CliRun text = CliRun.of("explain", "--model", model.toString(), "--images", test.toString(),
        "--deletion-steps", "2", "--out", tmp.resolve("e-text").toString());
    assertEquals(0, text.exit(), text.err());
    assertMarkedOnceEach(text.out(), test.resolve("a/same.png"), test.resolve("b/same.png"));
    assertTrue(text.out().contains(test.resolve("b/broken.png") + "  skipped: "), text.out());
    assertTrue(text.out().contains("Accuracy 0.5000: 1 of the 2 images"), text.out());

    CliRun json = CliRun.of("explain", "--model", model.toString(), "--images", test.toString(),
        "--deletion-steps", "2", "--out", tmp.resolve("e-json").toString(), "--json");
    assertEquals(0, json.exit(), json.err());
    assertEquals(0.5, json.json().get("knownTruth").get("accuracy").asDouble(), 0.0);
  }

  @Test
  void predictingNothingIsAFailureThatNamesEveryFile() {
    CliRun r = CliRun.of("predict", "--model", model.toString(), "--out",
        tmp.resolve("p-none").toString(), unreadable.toString());
    assertNothingRead(r);
    assertTrue(!Files.exists(tmp.resolve("p-none")), "no predictions written");
  }

  @Test
  void explainingNothingIsAFailureThatNamesEveryFile() {
    CliRun r = CliRun.of("explain", "--model", model.toString(), "--images",
        unreadable.toString(), "--out", tmp.resolve("e-none").toString(), "--json");
    assertNothingRead(r);
  }

  private static void assertNothingRead(CliRun r) {
    assertEquals(2, r.exit(), r.out() + r.err());
    assertEquals("", r.out());
    assertTrue(r.err().contains("none of the 2 input files could be read"), r.err());
    assertTrue(r.err().contains(unreadable.resolve("one.png") + ": "), r.err());
    assertTrue(r.err().contains(unreadable.resolve("two.jpg") + ": empty file"), r.err());
  }

  /** One of the two images' lines is marked right, the other wrong, by its folder's class. */
  private static void assertMarkedOnceEach(String out, Path inA, Path inB) {
    boolean aRight = line(out, inA).endsWith("[true a: right]");
    boolean aWrong = line(out, inA).endsWith("[true a: WRONG]");
    boolean bRight = line(out, inB).endsWith("[true b: right]");
    boolean bWrong = line(out, inB).endsWith("[true b: WRONG]");
    assertTrue(aRight && bWrong || aWrong && bRight, out);
  }

  private static String line(String out, Path file) {
    return out.lines().filter(l -> l.startsWith(file + "  ")).findFirst().orElse("");
  }
}
