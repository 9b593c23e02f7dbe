package dev.sommelier.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sommelier.tasks.data.synthetic.FileFormat;
import dev.sommelier.tasks.data.synthetic.LogoImages;
import dev.sommelier.tasks.data.synthetic.LogoImages.LogoImage;
import java.awt.Rectangle;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pointing game of {@code sommelier compare --boxes}: two small CNNs on drawn logos, their
 * explained test images scored against the logos' own boxes (the rate recounted from each run's
 * peaks in its explanations.json and the boxes the drawing returned), against boxes covering the
 * whole image (every peak a hit) and against boxes beside every peak on half the images (no hit,
 * of those three images only). The comparison is trained once; the later commands resume it and
 * only explain again (the first test reads the first command's page, so it goes first).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComparePointingTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> RUNS = List.of("cnn-a", "cnn-b");
  private static final int SIZE = 48;
  private static final int EXPLAINED = 6;

  @TempDir static Path tmp;
  private static Path logos;
  private static Path out;
  private static final Map<Path, Rectangle> DRAWN = new HashMap<>();
  private static JsonNode first;

  @BeforeAll
  static void compareWithTheLogosBoxes() throws Exception {
    logos = tmp.resolve("logos");
    for (LogoImage l : new LogoImages(3, 20, SIZE, FileFormat.PNG, 5).writeTo(logos)) {
      DRAWN.put(l.image().file().toAbsolutePath().normalize(), l.box());
    }
    Files.writeString(tmp.resolve("runs.yaml"), """
        cnn-a: {backbone: simple_cnn, scope: all, optimizer: adam, lr: 0.003}
        cnn-b: {backbone: simple_cnn, scope: all, optimizer: adam, lr: 0.01}
        """);
    out = tmp.resolve("which");
    first = compare(logos.resolve(LogoImages.BOXES_CSV), true).json();
  }

  @Test
  @Order(1)
  void theRateIsARecountOfThePeaksInTheDrawnBoxes() throws Exception {
    assertEquals(EXPLAINED, first.path("explainedImages").size());
    assertTrue(first.path("boxes").asText().endsWith("boxes.csv"), first.path("boxes").asText());
    for (String run : RUNS) {
      JsonNode e = explanations(first, run);
      Map<String, int[]> peaks = peaks(run);
      int hits = 0;
      for (int i = 0; i < EXPLAINED; i++) {
        Path image = path(first.path("explainedImages").get(i));
        int[] peak = peaks.get(image.toString());
        Rectangle box = DRAWN.get(image.toAbsolutePath().normalize());
        boolean inside = box.contains(peak[0], peak[1]);
        hits += inside ? 1 : 0;
        JsonNode cell = e.path("cells").get(i);
        assertEquals(peak[0], cell.path("peakX").asInt());
        assertEquals(peak[1], cell.path("peakY").asInt());
        assertEquals(inside, cell.path("peakInBox").asBoolean(), run + " " + image);
      }
      JsonNode game = e.path("pointingGame");
      assertEquals(EXPLAINED, game.path("images").asInt(), e.toString());
      assertEquals(hits, game.path("hits").asInt(), e.toString());
      assertEquals((double) hits / EXPLAINED, game.path("rate").asDouble(), 1e-12);
    }
    String html = Files.readString(out.resolve("compare/index.html"), StandardCharsets.UTF_8);
    assertTrue(html.contains("pointing game"), "the page explains the column");
    assertTrue(html.contains("pointing " + explanations(first, "cnn-a").path("pointingGame")
        .path("hits").asInt() + "/" + EXPLAINED), "the grid's header has the count");
  }

  @Test
  void aBoxAsLargeAsTheImageIsAlwaysHit() throws Exception {
    Path whole = tmp.resolve("whole.csv");
    StringBuilder csv = new StringBuilder("file,x,y,width,height\n");
    DRAWN.keySet().forEach(f -> csv.append(f).append(",0,0,").append(SIZE).append(',')
        .append(SIZE).append('\n'));
    Files.writeString(whole, csv);
    CliRun table = compare(whole, false);
    List<String> lines = table.out().lines().toList();
    int header = lines.stream().filter(l -> l.startsWith("run ")).findFirst()
        .map(lines::indexOf).orElseThrow(() -> new AssertionError(table.out()));
    assertTrue(lines.get(header).strip().endsWith("pointing"), lines.get(header));
    for (int r = 1; r <= RUNS.size(); r++) {
      assertTrue(lines.get(header + r).endsWith("1.000 (6/6)"), lines.get(header + r));
    }
    assertTrue(table.out().contains("inside their box in " + whole), table.out());
    JsonNode json = JSON.readTree(out.resolve("compare/comparison.json").toFile());
    for (String run : RUNS) {
      assertEquals(1.0, explanations(json, run).path("pointingGame").path("rate").asDouble());
    }
  }

  @Test
  void boxesBesideEveryPeakAreNeverHitAndOnlyImagesWithBoxesCount() throws Exception {
    List<Path> images = new ArrayList<>();
    first.path("explainedImages").forEach(i -> images.add(path(i)));
    Path beside = tmp.resolve("beside.csv");
    StringBuilder csv = new StringBuilder("path,class,x0,y0,x1,y1\n");
    for (int i = 0; i < EXPLAINED; i += 2) { // half of the explained images get a box
      Set<Integer> columns = new HashSet<>();
      for (String run : RUNS) {
        columns.add(peaks(run).get(images.get(i).toString())[0]);
      }
      int x = 0;
      while (columns.contains(x)) {
        x++;
      }
      csv.append(images.get(i)).append(",any,").append(x).append(",0,").append(x + 1)
          .append(',').append(SIZE).append('\n'); // one column of pixels, clear of every peak
    }
    Files.writeString(beside, csv);
    JsonNode json = compare(beside, true).json();
    for (String run : RUNS) {
      JsonNode e = explanations(json, run);
      assertEquals(0, e.path("pointingGame").path("hits").asInt(), e.toString());
      assertEquals(EXPLAINED / 2, e.path("pointingGame").path("images").asInt(), e.toString());
      assertEquals(0.0, e.path("pointingGame").path("rate").asDouble());
      for (int i = 0; i < EXPLAINED; i++) {
        JsonNode cell = e.path("cells").get(i);
        assertEquals(i % 2 == 0, cell.has("peakInBox"), cell.toString());
      }
    }
  }

  @Test
  void withoutBoxesThereIsNoPointingGameAndABadBoxesOptionIsNamed() throws Exception {
    CliRun missing = CliRun.of(args(tmp.resolve("nowhere.csv"), "2", false));
    assertEquals(2, missing.exit(), missing.err());
    assertTrue(missing.err().contains("--boxes " + tmp.resolve("nowhere.csv") + ": no such file"),
        missing.err());
    CliRun none = CliRun.of(args(logos.resolve(LogoImages.BOXES_CSV), "0", false));
    assertEquals(2, none.exit(), none.err());
    assertTrue(none.err().contains("--explain is 0"), none.err());
    CliRun without = CliRun.of(args(null, "2", true));
    assertEquals(0, without.exit(), without.err());
    for (JsonNode e : without.json().path("explanations")) {
      assertTrue(e.path("pointingGame").isMissingNode(), e.toString());
      e.path("cells").forEach(c -> assertTrue(c.path("peakInBox").isMissingNode()));
    }
    assertTrue(without.json().path("boxes").isNull(), without.out());
  }

  private static CliRun compare(Path boxes, boolean json) {
    CliRun r = CliRun.of(args(boxes, String.valueOf(EXPLAINED), json));
    assertEquals(0, r.exit(), r.err());
    return r;
  }

  private static String[] args(Path boxes, String explain, boolean json) {
    List<String> a = new ArrayList<>(List.of("compare", "--folder", logos.toString(), "--runs",
        tmp.resolve("runs.yaml").toString(), "--epochs", "1", "--input-size",
        String.valueOf(SIZE), "--batch", "16", "--workers", "2", "--explain", explain, "--out",
        out.toString()));
    if (boxes != null) {
      a.addAll(List.of("--boxes", boxes.toString()));
    }
    if (json) {
      a.add("--json");
    }
    return a.toArray(String[]::new);
  }

  private static JsonNode explanations(JsonNode result, String run) {
    for (JsonNode e : result.path("explanations")) {
      if (e.path("run").asText().equals(run)) {
        return e;
      }
    }
    throw new AssertionError("no explanations of " + run + " in " + result);
  }

  /** A path as Jackson writes one (a file URI). */
  private static Path path(JsonNode uri) {
    return Path.of(URI.create(uri.asText()));
  }

  /** Each explained image's peak, from the run's own explanations.json. */
  private static Map<String, int[]> peaks(String run) throws Exception {
    JsonNode own = JSON.readTree(out.resolve("compare/explain").resolve(run)
        .resolve("explanations.json").toFile());
    Map<String, int[]> peaks = new HashMap<>();
    for (JsonNode image : own.path("images")) {
      JsonNode x = image.path("explanations").get(0);
      peaks.put(image.path("file").asText(),
          new int[] {x.path("peakX").asInt(), x.path("peakY").asInt()});
    }
    return peaks;
  }
}
