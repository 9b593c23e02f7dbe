package dev.sommelier.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sommelier.tasks.jobs.BrightnessModel;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code faithfulness} on the hand-set {@link BrightnessModel}, whose "light" logit rises with
 * every pixel's brightness: on a grey (150) image with a darker (100) 4x4 patch, Grad-CAM's map
 * is the brightness itself, so greying out its most important pixels first lowers "light" faster
 * than a random order, putting them back first raises it faster, ROAD's least-relevant-first
 * order (the dark patch first, filled from its bright neighbours) scores higher than its
 * most-relevant-first, and the map's peak misses a box drawn around the dark patch.
 */
class FaithfulnessCommandTest {

  @TempDir Path tmp;

  @Test
  void ranksGradCamOnAModelWithKnownAnswers() throws Exception {
    Path model = BrightnessModel.save(tmp.resolve("model"));
    Path images = tmp.resolve("images");
    patchImage(images.resolve("patch.png"));
    BrightnessModel.greyImage(images.resolve("plain.png"), BrightnessModel.LIGHT);
    Path boxes = images.resolve("boxes.csv");
    Files.writeString(boxes, "path,x0,y0,x1,y1\npatch.png,2,2,6,6\n");
    Path out = tmp.resolve("faith");

    CliRun r = CliRun.of("faithfulness", "--model", model.toString(), "--images",
        images.toString(), "--methods", "gradcam,hirescam,saliency", "--boxes", boxes.toString(),
        "--steps", "4", "--out", out.toString(), "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode j = r.json();
    assertEquals(2, j.get("images").asInt());
    assertEquals(1, j.get("boxedImages").asInt());
    assertEquals(3, j.get("methods").size());
    JsonNode gradCam = j.get("methods").get(0);
    assertEquals("gradcam", gradCam.get("method").asText());
    assertEquals("saliency", j.get("methods").get(2).get("method").asText());
    JsonNode m = gradCam.get("means");
    assertEquals(2, m.get("maps").asInt());
    assertTrue(m.get("deletion").asDouble() < m.get("deletionRandom").asDouble(), m.toString());
    assertTrue(m.get("insertion").asDouble() > m.get("insertionRandom").asDouble(),
        m.toString());
    assertTrue(m.get("roadLeastRelevant").asDouble() > m.get("roadMostRelevant").asDouble(),
        m.toString());
    assertEquals(0, gradCam.get("pointing").get("hits").asInt(), gradCam.toString());
    assertEquals(1, gradCam.get("pointing").get("images").asInt());
    // the patch is 16 of 120 pixels and darker than the rest, so it holds less than its share
    assertTrue(gradCam.get("energyInBox").asDouble() < 16 / 120.0, gradCam.toString());
    assertTrue(gradCam.get("timesForward").asDouble() > 0, gradCam.toString());
    assertTrue(Files.isRegularFile(out.resolve("faithfulness.json")));
    assertTrue(Files.readString(out.resolve("faithfulness.html")).contains("ROAD MoRF"));

    CliRun text = CliRun.of("faithfulness", "--model", model.toString(), "--images",
        images.toString(), "--methods", "gradcam", "--steps", "2", "--out", out.toString());
    assertEquals(0, text.exit(), text.err());
    assertTrue(text.out().contains("ROAD MoRF") && text.out().contains("gradcam"), text.out());
    assertTrue(!text.out().contains("pointing  "), text.out());
  }

  @Test
  void tooFewStepsOrAnUnknownMethodExitTwo() {
    CliRun steps = CliRun.of("faithfulness", "--model", tmp.toString(), "--images",
        tmp.toString(), "--steps", "1", "--out", tmp.resolve("o").toString());
    assertEquals(2, steps.exit(), steps.out() + steps.err());
    assertTrue(steps.err().contains("steps must be >= 2"), steps.err());
    CliRun method = CliRun.of("faithfulness", "--model", tmp.toString(), "--images",
        tmp.toString(), "--methods", "gradcam,lime", "--out", tmp.resolve("o").toString());
    assertEquals(2, method.exit());
    assertTrue(method.err().contains("unknown method 'lime'"), method.err());
  }

  private static void patchImage(Path file) throws Exception {
    BufferedImage image = new BufferedImage(12, 10, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 10; y++) {
      for (int x = 0; x < 12; x++) {
        int level = x >= 2 && x < 6 && y >= 2 && y < 6 ? 100 : 150;
        image.setRGB(x, y, level << 16 | level << 8 | level);
      }
    }
    Files.createDirectories(file.getParent());
    ImageIO.write(image, "png", file.toFile());
  }
}
