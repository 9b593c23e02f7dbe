package dev.sommelier.tasks.jobs.explain;

import static dev.sommelier.tasks.jobs.BrightnessModel.DARK;
import static dev.sommelier.tasks.jobs.BrightnessModel.LIGHT;
import static dev.sommelier.tasks.jobs.BrightnessModel.greyImage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sommelier.tasks.explain.render.ContactSheet;
import dev.sommelier.tasks.jobs.BrightnessModel;
import dev.sommelier.tasks.jobs.KnownTruth;
import dev.sommelier.tasks.jobs.NoImageReadException;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ExplainJob} on a folder of class folders, with the hand-set {@link BrightnessModel}: one
 * light image sits in {@code dark/} (a wrong answer, framed in red on the sheet), one image is in
 * no class folder (unmarked).
 */
class ExplainKnownTruthTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int RED = 220 << 16 | 20 << 8 | 20;

  @TempDir Path tmp;

  @Test
  void imagesInClassFoldersAreMarkedAndWrongAnswersFramedOnTheSheet() throws Exception {
    Path model = BrightnessModel.save(tmp.resolve("model"));
    Path test = tmp.resolve("test");
    greyImage(test.resolve("loose.png"), LIGHT);
    greyImage(test.resolve("dark/d1.png"), DARK);
    greyImage(test.resolve("dark/d2.png"), LIGHT);
    greyImage(test.resolve("light/l1.png"), LIGHT);
    Path out = tmp.resolve("explained");
    ExplainResult r = new ExplainJob(ExplainSettings.builder(model, List.of(test), out)
        .deletionSteps(2).build()).run();

    assertEquals(List.of("loose.png", "d1.png", "d2.png", "l1.png"),
        r.images().stream().map(e -> Path.of(e.file()).getFileName().toString()).toList());
    assertEquals(Arrays.asList(null, "dark", "dark", "light"),
        r.images().stream().map(ExplainedImage::trueClass).toList());
    assertEquals(List.of("light", "dark", "light", "light"),
        r.images().stream().map(e -> e.classes().get(0).name()).toList());
    assertEquals(Arrays.asList(null, true, false, true),
        r.images().stream().map(ExplainedImage::correct).toList());
    assertEquals(new KnownTruth(3, 2, 2.0 / 3), r.knownTruth());

    JsonNode json = JSON.readTree(r.json().toFile());
    assertEquals(2.0 / 3, json.get("knownTruth").get("accuracy").asDouble(), 1e-12);
    assertFalse(json.get("images").get(0).has("correct"));
    assertEquals("dark", json.get("images").get(2).get("trueClass").asText());
    assertFalse(json.get("images").get(2).get("correct").asBoolean());

    BufferedImage sheet = ImageIO.read(out.resolve("contact-sheet.png").toFile());
    int row = ContactSheet.CELL + 8;
    for (int i = 0; i < 4; i++) {
      int left = sheet.getRGB(5, 8 + i * row + 10) & 0xFFFFFF;
      assertEquals(i == 2 ? RED : 0xFFFFFF, left, "row " + i + "'s left margin");
    }
  }

  @Test
  void whenNoImageCanBeReadTheJobFails() throws Exception {
    Path model = BrightnessModel.save(tmp.resolve("model"));
    Path broken = Files.writeString(tmp.resolve("broken.png"), "no image");
    Path out = tmp.resolve("explained");
    NoImageReadException e = assertThrows(NoImageReadException.class,
        () -> new ExplainJob(ExplainSettings.builder(model, List.of(broken), out).build()).run());
    assertEquals(List.of(broken.toString()), e.skipped().stream().map(s -> s.file()).toList());
    assertFalse(Files.exists(out), "nothing written");
  }
}
