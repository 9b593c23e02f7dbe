package dev.sommelier.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo end to end at a tiny size (7 makers x 6 images of 32x32, one epoch; the real demo's
 * defaults are exercised by the README smoke run in CI): every step runs, and the report's files
 * exist and are valid images.
 */
class DemoCommandTest {

  @TempDir Path tmp;

  private static List<String> tiny(Path out, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("demo", "--images-per-class", "6",
        "--input-size", "32", "--epochs", "1", "--workers", "2", "--out", out.toString()));
    args.addAll(List.of(more));
    return args;
  }

  @Test
  void classificationDemoTrainsExplainsAndWritesAReport() throws Exception {
    Path out = tmp.resolve("demo");
    CliRun run = CliRun.of(tiny(out, "--json").toArray(String[]::new));
    assertEquals(0, run.exit(), run.err());
    JsonNode j = run.json();
    assertEquals(42, j.get("train").get("data").get("samples").asInt(), "7 makers x 6");
    assertEquals(7, j.get("train").get("data").get("counts").size());
    assertEquals(14, j.get("explain").get("images").size(), "two fresh images per maker");
    int onLogo = j.get("peaksOnLogo").asInt();
    assertTrue(onLogo >= 0 && onLogo <= 14, "peaks on the logo: " + onLogo);
    assertTrue(Files.isRegularFile(out.resolve("model/model.json")));
    assertReportImagesAreValid(out, "training-curves.png", "confusion-matrix.png");
    Path index = Path.of(j.get("report").asText());
    assertEquals(out.resolve("report/index.html").toAbsolutePath(), index.toAbsolutePath());
    String html = Files.readString(index);
    assertTrue(html.contains("data:image/png;base64,"), "plots embedded");
    assertTrue(html.contains("circle") && html.contains("star"), "maker names in the report");
    assertTrue(Files.list(out.resolve("explain")).anyMatch(p -> p.toString().endsWith(".png")));
  }

  @Test
  void regressionDemoGradesCucumbers() throws Exception {
    Path out = tmp.resolve("cucumbers");
    CliRun run = CliRun.of(tiny(out, "--task", "regression").toArray(String[]::new));
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("Report:  " + out.resolve("report/index.html").toAbsolutePath()),
        run.out());
    assertReportImagesAreValid(out, "training-curves.png", "predicted-vs-true.png");
  }

  @Test
  void tooFewImagesIsBadUsage() {
    CliRun run = CliRun.of("demo", "--images-per-class", "2", "--out", tmp.toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("--images-per-class must be at least 5"), run.err());
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
