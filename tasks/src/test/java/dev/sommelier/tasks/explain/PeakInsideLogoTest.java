package dev.sommelier.tasks.explain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.core.Device;
import dev.sommelier.core.layers.BatchNormMode;
import dev.sommelier.heads.HeadSpec;
import dev.sommelier.heads.Pooling;
import dev.sommelier.tasks.data.ImageDecoder;
import dev.sommelier.tasks.data.synthetic.Glyph;
import dev.sommelier.tasks.data.synthetic.LogoImages;
import dev.sommelier.tasks.model.ModelConfig;
import dev.sommelier.tasks.model.TaskModel;
import dev.sommelier.tasks.train.ArrayBatchSource;
import dev.sommelier.tasks.train.LearningRateSchedule;
import dev.sommelier.tasks.train.OptimizerKind;
import dev.sommelier.tasks.train.TrainScope;
import dev.sommelier.tasks.train.Trainer;
import dev.sommelier.tasks.train.TrainingConfig;
import dev.sommelier.tasks.train.TrainingPhase;
import java.awt.Rectangle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the map points on a data set where one small object decides the class: three logo shapes
 * drawn at random places on a machine-like body that is the same for every class ({@link
 * LogoImages}); a small CNN trained here from scratch (about 20 s on 2 cores) explains held-out
 * images, and the map's peak must lie inside the logo's bounding box for most of them, where a
 * peak placed at random would land a few percent of the time.
 */
class PeakInsideLogoTest {

  private static final int SIZE = 64;
  private static final int CLASSES = 3;
  private static final int TRAIN = 3000;
  private static final int TEST = 150;
  private static final int PIXELS = SIZE * SIZE * 3;

  @TempDir static Path tmp;
  private static TaskModel model;
  private static float[] testImages;
  private static final List<Rectangle> TEST_BOXES = new ArrayList<>();
  private static final int[] TEST_CLASSES = new int[TEST];

  @BeforeAll
  static void train() {
    List<Glyph> glyphs = Glyph.first(CLASSES);
    Random random = new Random(1);
    float[] images = new float[(TRAIN + TEST) * PIXELS];
    float[] targets = new float[TRAIN * CLASSES];
    for (int i = 0; i < TRAIN + TEST; i++) {
      int c = i % CLASSES;
      LogoImages.Drawn d = LogoImages.draw(glyphs.get(c), SIZE, random);
      byte[] rgb = ImageDecoder.convert(d.image()).rgb();
      for (int j = 0; j < PIXELS; j++) {
        images[i * PIXELS + j] = rgb[j] & 0xFF;
      }
      if (i < TRAIN) {
        targets[i * CLASSES + c] = 1;
      } else {
        TEST_BOXES.add(d.box());
        TEST_CLASSES[i - TRAIN] = c;
      }
    }
    ModelConfig config = new ModelConfig("simple_cnn:blocks=3,width=16", SIZE,
        HeadSpec.softmax(CLASSES, Pooling.GAP, 0f), glyphs.stream().map(Glyph::label).toList(),
        BatchNormMode.FROZEN, 9);
    model = TaskModel.create(config, BackboneRegistry.load(), Device.CPU);
    model.backbone().spec().preprocessing().applyInPlace(images);
    TrainingConfig recipe = new TrainingConfig(
        List.of(new TrainingPhase(TrainScope.ALL, OptimizerKind.ADAM, 0.003f, 12)),
        new LearningRateSchedule.Cosine(), 0, false);
    new Trainer(model, recipe).fit(new ArrayBatchSource(Arrays.copyOf(images, TRAIN * PIXELS),
        targets, TRAIN, 32, true, 3), null, tmp.resolve("run"));
    testImages = Arrays.copyOfRange(images, TRAIN * PIXELS, images.length);
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Test
  void gradCamPeaksLieInsideTheLogoForMostTestImages() {
    assertPeaksInside(CamMethod.GRAD_CAM);
  }

  @Test
  void gradCamPlusPlusPeaksLieInsideTheLogoForMostTestImages() {
    assertPeaksInside(CamMethod.GRAD_CAM_PLUS_PLUS);
  }

  private static void assertPeaksInside(CamMethod method) {
    List<CamResult> maps = GradCam.of(model).explain(testImages, TEST,
        CamTarget.predictedClass(), method);
    int right = 0;
    int inside = 0;
    double boxArea = 0;
    for (int i = 0; i < TEST; i++) {
      Rectangle box = TEST_BOXES.get(i);
      CamMaps.Peak peak = CamMaps.peak(maps.get(i).map(), SIZE, SIZE);
      inside += box.contains(peak.x(), peak.y()) ? 1 : 0;
      right += maps.get(i).classIndex() == TEST_CLASSES[i] ? 1 : 0;
      boxArea += box.width * (double) box.height / (SIZE * SIZE);
    }
    double accuracy = right / (double) TEST;
    double fraction = inside / (double) TEST;
    double chance = boxArea / TEST;
    String line = String.format(Locale.ROOT,
        "%s: test accuracy %.3f, peak inside the logo's box for %d of %d images (%.3f);"
            + " a random peak: %.3f", method, accuracy, inside, TEST, fraction, chance);
    System.out.println(line);
    assertTrue(accuracy >= 0.75, line);
    assertTrue(fraction >= 0.6, line);
    assertTrue(chance < 0.1, line);
  }
}
