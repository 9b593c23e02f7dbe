package dev.sommelier.tasks.jobs.predict;

import static dev.sommelier.tasks.jobs.BrightnessModel.DARK;
import static dev.sommelier.tasks.jobs.BrightnessModel.LIGHT;
import static dev.sommelier.tasks.jobs.BrightnessModel.greyImage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sommelier.tasks.jobs.BrightnessModel;
import dev.sommelier.tasks.jobs.KnownTruth;
import dev.sommelier.tasks.jobs.NoImageReadException;
import dev.sommelier.tasks.jobs.SkippedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PredictJob} on a folder of class folders, with the hand-set {@link BrightnessModel}: one
 * light image sits in {@code dark/} (a wrong answer), one image is in no class folder (unmarked).
 */
class PredictKnownTruthTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  private static Path model;
  private static Path test;

  @BeforeAll
  static void data() throws Exception {
    model = BrightnessModel.save(tmp.resolve("model"));
    test = tmp.resolve("test");
    greyImage(test.resolve("loose.png"), DARK);
    greyImage(test.resolve("dark/d1.png"), DARK);
    greyImage(test.resolve("dark/d2.png"), LIGHT);
    greyImage(test.resolve("light/l1.png"), LIGHT);
    greyImage(test.resolve("light/l2.png"), 200);
    Files.writeString(test.resolve("light/l3.png"), "not an image");
  }

  @Test
  void imagesInClassFoldersAreMarkedRightOrWrongWithTheAccuracyOverThem() throws Exception {
    PredictResult r = new PredictJob(PredictSettings.of(model, List.of(test),
        tmp.resolve("predicted"))).run();

    assertEquals(List.of("loose.png", "dark/d1.png", "dark/d2.png", "light/l1.png",
        "light/l2.png"), r.predictions().stream().map(p -> name(p.file())).toList());
    assertEquals(Arrays.asList(null, "dark", "dark", "light", "light"),
        r.predictions().stream().map(PredictedImage::trueClass).toList());
    assertEquals(Arrays.asList("dark", "dark", "light", "light", "light"),
        r.predictions().stream().map(p -> p.classes().get(0).name()).toList());
    assertEquals(Arrays.asList(null, true, false, true, true),
        r.predictions().stream().map(PredictedImage::correct).toList());
    assertEquals(new KnownTruth(4, 3, 0.75), r.knownTruth());
    assertEquals(List.of(test.resolve("light/l3.png").toString()),
        r.skipped().stream().map(SkippedImage::file).toList());

    List<String> csv = Files.readAllLines(r.csv(), StandardCharsets.UTF_8);
    assertEquals("file,prediction,probability,true,correct,dark,light", csv.get(0));
    assertEquals(List.of("loose.png,dark,,", "dark/d1.png,dark,dark,true",
        "dark/d2.png,light,dark,false", "light/l1.png,light,light,true",
        "light/l2.png,light,light,true"), csv.subList(1, csv.size()).stream().map(line -> {
          String[] f = line.split(",", -1);
          return String.join(",", name(f[0]), f[1], f[3], f[4]);
        }).toList(), "file, prediction, true, correct");

    JsonNode json = JSON.readTree(r.json().toFile());
    assertEquals(0.75, json.get("knownTruth").get("accuracy").asDouble(), 0.0);
    assertEquals(3, json.get("knownTruth").get("correct").asInt());
    assertEquals(4, json.get("knownTruth").get("images").asInt());
    assertFalse(json.get("predictions").get(0).has("trueClass"), "unknown: no mark");
    assertFalse(json.get("predictions").get(0).has("correct"));
    assertEquals("dark", json.get("predictions").get(2).get("trueClass").asText());
    assertFalse(json.get("predictions").get(2).get("correct").asBoolean());
  }

  @Test
  void withoutClassFoldersNothingIsMarked() throws Exception {
    PredictResult r = new PredictJob(PredictSettings.of(model,
        List.of(test.resolve("loose.png")), tmp.resolve("loose"))).run();
    assertNull(r.knownTruth());
    assertNull(r.predictions().get(0).correct());
    assertEquals("file,prediction,probability,dark,light",
        Files.readAllLines(r.csv(), StandardCharsets.UTF_8).get(0));
    assertFalse(JSON.readTree(r.json().toFile()).has("knownTruth"));
  }

  @Test
  void whenNoImageCanBeReadTheJobFailsWithEveryReason() throws Exception {
    Path empty = Files.write(tmp.resolve("empty.png"), new byte[0]);
    Path text = test.resolve("light/l3.png");
    Path out = tmp.resolve("nothing");
    NoImageReadException e = assertThrows(NoImageReadException.class,
        () -> new PredictJob(PredictSettings.of(model, List.of(empty, text), out)).run());
    assertEquals(2, e.skipped().size());
    assertTrue(e.getMessage().contains(empty + ": empty file"), e.getMessage());
    assertTrue(e.getMessage().contains(text + ": "), e.getMessage());
    assertFalse(Files.exists(out), "nothing written");
  }

  private static String name(String file) {
    return test.relativize(Path.of(file)).toString().replace('\\', '/');
  }
}
