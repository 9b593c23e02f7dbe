package dev.sommelier.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo end to end at a tiny size (7 makers x 7 images of 32x32, one epoch of the head and one
 * of fine-tuning; the real demo's defaults are exercised by the README smoke run in CI): every
 * step runs for the ImageNet start and the run from scratch beside it, and the reports' files
 * exist and are valid images.
 */
class DemoCommandTest {

  @TempDir Path tmp;

  private static String[] tiny(Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("demo", "--images-per-class", "7",
        "--input-size", "32", "--epochs", "1", "--fine-tune", "last-1:1", "--workers", "2",
        "--out", out.toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void classificationDemoComparesTheImageNetStartWithScratch() throws Exception {
    Path out = tmp.resolve("demo");
    CliRun run = CliRun.of(tiny(out, "--json"));
    assertEquals(0, run.exit(), run.err());
    JsonNode j = run.json();
    JsonNode model = j.get("model");
    assertEquals("imagenet", model.get("start").asText());
    assertEquals(49, model.get("train").get("data").get("samples").asInt(), "7 makers x 7");
    assertEquals(7, model.get("train").get("data").get("counts").size());
    assertEquals("{\"train\":28,\"validation\":7,\"test\":14}",
        model.get("train").get("split").toString(), "4:1:2");
    assertEquals("head", model.get("train").get("settings").get("scope").asText());
    assertEquals("last-1:1", model.get("train").get("settings").get("fineTune").asText());
    assertEquals("frozen", model.get("train").get("settings").get("batchNorm").asText());
    assertEquals(2, model.get("train").get("epochs").size());
    assertEquals(14, model.get("explain").get("images").size(), "two fresh images per maker");
    int onLogo = model.get("peaksOnLogo").asInt();
    assertTrue(onLogo >= 0 && onLogo <= 14, "peaks on the logo: " + onLogo);
    assertTrue(Files.isRegularFile(out.resolve("model/model.json")));
    assertReportImagesAreValid(out, "training-curves.png", "confusion-matrix.png");
    assertTrue(Files.isRegularFile(out.resolve("explain/contact-sheet.png")));
    Path index = Path.of(model.get("report").asText());
    assertEquals(out.resolve("report/index.html").toAbsolutePath(), index.toAbsolutePath());
    String html = Files.readString(index);
    assertTrue(html.contains("data:image/png;base64,"), "plots embedded");
    assertTrue(html.contains("circle") && html.contains("star"), "maker names in the report");

    JsonNode scratch = j.get("scratch");
    assertEquals("none", scratch.get("start").asText());
    assertEquals(model.get("train").get("split"), scratch.get("train").get("split"), "same split");
    assertEquals("all", scratch.get("train").get("settings").get("scope").asText());
    assertEquals(2, scratch.get("train").get("epochs").size(), "as many epochs in all");
    assertEquals(out.resolve("scratch/report/index.html").toAbsolutePath(),
        Path.of(scratch.get("report").asText()).toAbsolutePath());
    assertReportImagesAreValid(out.resolve("scratch"), "training-curves.png",
        "confusion-matrix.png");
    assertTrue(Files.isRegularFile(out.resolve("scratch/explain/contact-sheet.png")));
  }

  @Test
  void fromScratchAloneThereIsNothingToCompare() throws Exception {
    Path out = tmp.resolve("scratch-only");
    CliRun run = CliRun.of(tiny(out, "--weights", "none"));
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("from scratch"), run.out());
    assertFalse(run.out().contains("from ImageNet"), run.out());
    assertTrue(run.out().contains("Test accuracy"), run.out());
    assertFalse(Files.exists(out.resolve("scratch")));
    assertTrue(run.out().contains("Report:  " + out.resolve("report/index.html").toAbsolutePath()),
        run.out());
  }

  @Test
  void regressionDemoGradesCucumbers() throws Exception {
    Path out = tmp.resolve("cucumbers");
    CliRun run = CliRun.of(tiny(out, "--task", "regression", "--no-compare"));
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("Test MAE"), run.out());
    assertTrue(run.out().contains("Report:  " + out.resolve("report/index.html").toAbsolutePath()),
        run.out());
    assertReportImagesAreValid(out, "training-curves.png", "predicted-vs-true.png");
  }

  @Test
  void badUsageNamesTheOption() {
    CliRun few = CliRun.of("demo", "--images-per-class", "2", "--out", tmp.toString());
    assertEquals(2, few.exit());
    assertTrue(few.err().contains("--images-per-class must be at least 7"), few.err());
    CliRun tune = CliRun.of("demo", "--fine-tune", "head:2", "--out", tmp.toString());
    assertEquals(2, tune.exit());
    assertTrue(tune.err().contains("fine-tuning trains backbone blocks"), tune.err());
    CliRun weights = CliRun.of("demo", "--weights", tmp.resolve("nothing").toString(), "--out",
        tmp.toString());
    assertEquals(2, weights.exit());
    assertTrue(weights.err().contains("nothing"), weights.err());
  }

  private static void assertReportImagesAreValid(Path out, String... required) throws Exception {
    Path report = out.resolve("report");
    for (String name : required) {
      assertTrue(Files.isRegularFile(report.resolve(name)), name + " in " + report);
    }
    try (Stream<Path> files = Files.list(report)) {
      for (Path png : files.filter(p -> p.toString().endsWith(".png")).toList()) {
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, png + " decodes");
        assertTrue(image.getWidth() >= 200 && image.getHeight() >= 100, png + " has a size");
      }
    }
  }
}
