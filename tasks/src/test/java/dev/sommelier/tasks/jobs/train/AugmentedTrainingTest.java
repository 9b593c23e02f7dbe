package dev.sommelier.tasks.jobs.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.heads.Pooling;
import dev.sommelier.tasks.data.augment.AugmentationConfig;
import dev.sommelier.tasks.data.source.DataSource;
import dev.sommelier.tasks.data.split.SplitRatios;
import dev.sommelier.tasks.jobs.BrightShapes;
import dev.sommelier.tasks.train.LearningRateSchedule;
import dev.sommelier.tasks.train.OptimizerKind;
import dev.sommelier.tasks.train.TrainScope;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default augmentation does not stop a small model from learning, where a harsh one does: the
 * same seeded {@link TrainJob} (a small CNN from scratch, 10 epochs) on 4 classes of small drawn
 * glyphs ({@link BrightShapes}, 150 each, 32x32, split 6:2:2, 120 test images), run without
 * augmentation, with {@link AugmentationConfig#DEFAULT}, and with a harsh set like the one
 * {@code --augment} used to mean (every operation, vertical flips, cutout up to 40 % of the side,
 * salt-and-pepper). About 15 s on 2 cores.
 */
class AugmentedTrainingTest {

  /** Close to what {@code --augment} switched on before there were operation names. */
  static final String HARSH =
      "flip,vflip,affine:0.5,brightness:0.4,contrast:0.3,cutout:0.4,salt-pepper";

  @TempDir static Path tmp;
  private static TrainResult plain;
  private static TrainResult mild;
  private static TrainResult harsh;

  @BeforeAll
  static void train() throws Exception {
    Path shapes = tmp.resolve("shapes");
    BrightShapes.write(shapes, 4, 150, 32, 3);
    plain = run(shapes, AugmentationConfig.NONE, "plain");
    mild = run(shapes, AugmentationConfig.DEFAULT, "mild");
    harsh = run(shapes, AugmentationConfig.parse(HARSH), "harsh");
  }

  private static TrainResult run(Path shapes, AugmentationConfig augmentation, String name)
      throws Exception {
    TrainSettings s = TrainSettings.builder(DataSource.folder(shapes), tmp.resolve(name))
        .split(SplitRatios.parse("6:2:2")).seed(7).backbone("simple_cnn:blocks=3,width=16")
        .inputSize(32).head(new HeadOptions("softmax", 0f, List.of(), Pooling.GAP))
        .scope(TrainScope.ALL).optimizer(OptimizerKind.ADAM).learningRate(0.003f)
        .schedule(new LearningRateSchedule.Cosine()).epochs(10).batchSize(16)
        .augmentation(augmentation).workers(2).build();
    return new TrainJob(s).run();
  }

  private static double accuracy(TrainResult r) {
    return r.evaluation().classification().accuracy();
  }

  @Test
  void withTheDefaultSetTheModelLearnsAsWellAsWithoutAugmentation() {
    String line = String.format(Locale.ROOT, "test accuracy without augmentation %.3f, with the"
        + " default set %.3f, with the harsh set %.3f; chance 0.25", accuracy(plain),
        accuracy(mild), accuracy(harsh));
    System.out.println(line);
    assertEquals(120, mild.evaluation().samples());
    assertTrue(accuracy(plain) >= 0.85, line);
    assertTrue(accuracy(mild) >= 0.85, line);
    assertTrue(accuracy(mild) >= accuracy(plain) - 0.05, line);
    assertTrue(accuracy(harsh) <= accuracy(plain) - 0.15, "the test can tell: " + line);
  }

  @Test
  void anAugmentedRunRecordsItsSpecAndDrawsItsSamples() throws Exception {
    assertEquals("flip,affine,brightness,contrast", mild.settings().get("augment"));
    assertEquals(HARSH, harsh.settings().get("augment"));
    assertEquals("none", plain.settings().get("augment"));
    BufferedImage sheet = ImageIO.read(mild.out().resolve(AugmentedSamples.FILE).toFile());
    assertEquals(8 + 4 * (160 + 8), sheet.getHeight(), "4 rows of 160-pixel thumbnails");
    assertTrue(sheet.getWidth() > 8 + 5 * (160 + 8), "the image and 4 augmented versions a row");
    assertFalse(Files.exists(plain.out().resolve(AugmentedSamples.FILE)));
  }
}
