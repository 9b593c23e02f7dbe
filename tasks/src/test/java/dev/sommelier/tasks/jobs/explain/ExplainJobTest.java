package dev.sommelier.tasks.jobs.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sommelier.heads.Pooling;
import dev.sommelier.tasks.data.source.DataSource;
import dev.sommelier.tasks.data.synthetic.FileFormat;
import dev.sommelier.tasks.data.synthetic.Layout;
import dev.sommelier.tasks.data.synthetic.ShapeImages;
import dev.sommelier.tasks.explain.CamMethod;
import dev.sommelier.tasks.explain.ExplainMethod;
import dev.sommelier.tasks.explain.ExplainMethods;
import dev.sommelier.tasks.explain.FusedLayerCam;
import dev.sommelier.tasks.explain.PixelMethod;
import dev.sommelier.tasks.jobs.train.HeadOptions;
import dev.sommelier.tasks.jobs.train.TrainJob;
import dev.sommelier.tasks.jobs.train.TrainSettings;
import dev.sommelier.tasks.train.OptimizerKind;
import dev.sommelier.tasks.train.TrainScope;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explain job end to end on a small CNN trained for 2 epochs on 2 x 8 generated 32x32 shapes,
 * explained from a 48x40 copy of a shape (so that the original size differs from the model's) and
 * a file that is not an image.
 */
class ExplainJobTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  private static Path model;
  private static Path images;

  @BeforeAll
  static void train() throws Exception {
    Path shapes = tmp.resolve("shapes");
    new ShapeImages(2, 8, 32, FileFormat.PNG, Layout.CLASS_FOLDERS, 3).writeTo(shapes);
    model = new TrainJob(TrainSettings.builder(DataSource.folder(shapes), tmp.resolve("run"))
        .seed(4).backbone("simple_cnn:blocks=2,width=4").inputSize(32)
        .head(new HeadOptions("softmax", 0f, List.of(), Pooling.GAP)).scope(TrainScope.ALL)
        .optimizer(OptimizerKind.ADAM).learningRate(0.01f).epochs(2).batchSize(8).workers(2)
        .build()).run().model();
    images = tmp.resolve("images");
    Files.createDirectories(images);
    Path circle;
    try (var s = Files.list(shapes.resolve("circle"))) {
      circle = s.sorted().findFirst().orElseThrow();
    }
    BufferedImage small = ImageIO.read(circle.toFile());
    BufferedImage wide = new BufferedImage(48, 40, BufferedImage.TYPE_INT_RGB);
    wide.createGraphics().drawImage(small, 0, 0, 48, 40, null);
    ImageIO.write(wide, "png", images.resolve("a-circle.png").toFile());
    Files.write(images.resolve("broken.png"), new byte[] {1, 2, 3});
  }

  @Test
  void writesMapsSheetAndJsonForTheTopClasses() throws Exception {
    Path out = tmp.resolve("top2");
    ExplainResult r = new ExplainJob(ExplainSettings.builder(model, List.of(images), out)
        .top(2).deletionSteps(5).build()).run();

    assertEquals(1, r.images().size());
    assertEquals(List.of(images.resolve("broken.png").toString()),
        r.skipped().stream().map(s -> s.file()).toList());
    ExplainedImage e = r.images().get(0);
    assertEquals(48, e.width());
    assertEquals(40, e.height());
    assertEquals(2, e.classes().size());
    assertEquals(2, e.explanations().size(), "one map per top class");
    for (Explanation x : e.explanations()) {
      assertTrue(x.peakX() >= 0 && x.peakX() < 48 && x.peakY() >= 0 && x.peakY() < 40,
          x.peakX() + "," + x.peakY());
      BufferedImage overlay = ImageIO.read(x.overlay().toFile());
      assertEquals(48, overlay.getWidth(), "overlay at the original size");
      assertEquals(40, overlay.getHeight());
      assertEquals(16, ImageIO.read(x.rawPng().toFile()).getColorModel().getPixelSize());
      assertTrue(Files.readAllLines(x.rawCsv()).size() > 0);
      assertTrue(Files.size(x.rawNpy()) > 128);
      assertEquals(6, x.faithfulness().map().scores().length, "untouched + 5 steps");
      assertEquals(x.faithfulness().map().scores()[0], x.faithfulness().random().scores()[0]);
    }
    assertTrue(e.explanations().get(0).rawPng().getFileName().toString()
        .startsWith("0001-a-circle-" + e.classes().get(0).name()));
    assertEquals(List.of(out.resolve("contact-sheet.png")), r.contactSheets());
    assertTrue(ImageIO.read(r.contactSheets().get(0).toFile()).getHeight() > 100);
    assertEquals(2, r.faithfulness().maps());

    JsonNode json = JSON.readTree(out.resolve("explanations.json").toFile());
    assertEquals(r.layer(), json.get("layer").asText());
    JsonNode first = json.get("images").get(0).get("explanations").get(0);
    assertEquals(e.explanations().get(0).peakX(), first.get("peakX").asInt());
    assertEquals(6, first.get("faithfulness").get("random").get("scores").size());
    assertEquals(1, json.get("skipped").size());
  }

  @Test
  void everyMethodExplainsThroughTheJobAndNamesItselfInTheJson() throws Exception {
    for (ExplainMethod method : ExplainMethods.all()) {
      Path out = tmp.resolve("method-" + method.label());
      ExplainResult r = new ExplainJob(ExplainSettings.builder(model,
          List.of(images.resolve("a-circle.png")), out).method(method).deletionSteps(2).build())
          .run();
      Explanation x = r.images().get(0).explanations().get(0);
      assertEquals(3, x.faithfulness().map().scores().length, method.label());
      assertEquals(method.name(),
          JSON.readTree(out.resolve("explanations.json").toFile()).get("method").asText());
      String expectedLayer = method instanceof PixelMethod ? "input"
          : method == FusedLayerCam.METHOD ? "block1_relu+block2_relu" : "block2_relu";
      assertEquals(expectedLayer, r.layer(), method.label());
    }
  }

  @Test
  void explainsANamedClassWithGradCamPlusPlus() throws Exception {
    ExplainResult r = new ExplainJob(ExplainSettings.builder(model,
        List.of(images.resolve("a-circle.png")), tmp.resolve("square"))
        .className("square").method(CamMethod.GRAD_CAM_PLUS_PLUS).build()).run();
    assertEquals(1, r.images().get(0).explanations().size());
    assertTrue(r.images().get(0).explanations().get(0).target().contains("square"),
        r.images().get(0).explanations().get(0).target());
    assertEquals(CamMethod.GRAD_CAM_PLUS_PLUS, r.method());
  }

  @Test
  void badInputIsRefused() {
    Path out = tmp.resolve("bad");
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> new ExplainJob(ExplainSettings.builder(model, List.of(images), out)
            .className("hexagon").build()).run());
    assertTrue(unknown.getMessage().contains("[circle, square]"), unknown.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new ExplainJob(ExplainSettings.builder(tmp.resolve("none"), List.of(images), out)
            .build()).run());
    assertThrows(IllegalArgumentException.class,
        () -> ExplainSettings.builder(model, List.of(images), out).className("circle").top(2)
            .build());
  }
}
