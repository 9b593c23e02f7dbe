package dev.sommelier.tasks.jobs.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.core.Device;
import dev.sommelier.core.MixedPrecision;
import dev.sommelier.core.Precision;
import dev.sommelier.heads.Pooling;
import dev.sommelier.tasks.MapCorrelation;
import dev.sommelier.tasks.data.source.DataSource;
import dev.sommelier.tasks.data.split.SplitRatios;
import dev.sommelier.tasks.jobs.BrightShapes;
import dev.sommelier.tasks.model.ModelStore;
import dev.sommelier.tasks.predict.Predictor;
import dev.sommelier.tasks.train.LearningRateSchedule;
import dev.sommelier.tasks.train.OptimizerKind;
import dev.sommelier.tasks.train.TrainScope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mixed precision keeps accuracy: the same seeded {@link TrainJob}s on 4 classes of drawn glyphs
 * (240 test images), trained in float32 and in mixed precision, reach the same test accuracy
 * within one point, and Grad-CAM explains the two trained models alike. Two jobs: a small CNN
 * trained from scratch, and transfer learning as users run it (MobileNetV1 0.25 with the shipped
 * ImageNet weights, the head trained on its features). On a CPU without bfloat16 instructions
 * mixed runs float32 and the comparison would prove nothing, so it is skipped there. About 40 s.
 */
class MixedPrecisionTrainingTest {

  @TempDir static Path tmp;
  private static Path shapes;
  private static TrainResult fp32;
  private static TrainResult mixed;
  private static TrainResult transferFp32;
  private static TrainResult transferMixed;

  @BeforeAll
  static void train() throws Exception {
    Assumptions.assumeTrue(
        MixedPrecision.resolve(Precision.MIXED, Device.CPU).effective() == Precision.MIXED,
        "this CPU has no bfloat16 instructions: mixed would run float32");
    shapes = tmp.resolve("shapes");
    BrightShapes.write(shapes, 4, 300, 64, 5);
    fp32 = fromScratch(Precision.FP32);
    mixed = fromScratch(Precision.MIXED);
    transferFp32 = transfer(Precision.FP32);
    transferMixed = transfer(Precision.MIXED);
  }

  private static TrainResult fromScratch(Precision precision) throws Exception {
    return new TrainJob(settings("scratch-" + precision.key(), precision)
        .backbone("simple_cnn:blocks=3,width=16").inputSize(48)
        .scope(TrainScope.ALL).learningRate(0.003f).epochs(8).build()).run();
  }

  private static TrainResult transfer(Precision precision) throws Exception {
    return new TrainJob(settings("transfer-" + precision.key(), precision)
        .backbone("mobilenet_v1:alpha=0.25").backboneWeights(InitialWeights.IMAGENET)
        .inputSize(128).scope(TrainScope.HEAD).learningRate(0.01f).epochs(8).build()).run();
  }

  private static TrainSettings.Builder settings(String name, Precision precision) {
    return TrainSettings.builder(DataSource.folder(shapes), tmp.resolve(name))
        .split(SplitRatios.parse("6:2:2")).seed(7)
        .head(new HeadOptions("softmax", 0f, List.of(), Pooling.GAP))
        .optimizer(OptimizerKind.ADAM).schedule(new LearningRateSchedule.Cosine()).batchSize(16)
        .workers(2).precision(precision);
  }

  private static double accuracy(TrainResult r) {
    return r.evaluation().classification().accuracy();
  }

  @Test
  void fromScratchMixedReachesFloat32sTestAccuracyWithinOnePoint() {
    assertSameAccuracy("from scratch", fp32, mixed);
  }

  @Test
  void transferMixedReachesFloat32sTestAccuracyWithinOnePoint() {
    assertSameAccuracy("transfer", transferFp32, transferMixed);
  }

  @Test
  void gradCamMapsOfTheTwoTransferModelsAgree() throws Exception {
    double mean = meanMapCorrelation("transfer", transferFp32, transferMixed);
    assertTrue(mean >= 0.98, "mean correlation " + mean);
  }

  @Test
  void gradCamMapsOfTheTwoFromScratchModelsAgreeAsTwoTrainingsCan() throws Exception {
    // Trained from scratch, the two runs' weights drift apart with every rounded step (as two
    // float32 runs with different seeds do), so their maps agree less than the transfer models'.
    double mean = meanMapCorrelation("from scratch", fp32, mixed);
    assertTrue(mean >= 0.85, "mean correlation " + mean);
  }

  private static void assertSameAccuracy(String job, TrainResult a, TrainResult b) {
    String line = String.format(Locale.ROOT, "%s: test accuracy fp32 %.4f, mixed %.4f (chance"
        + " 0.25)", job, accuracy(a), accuracy(b));
    System.out.println(line);
    assertEquals(240, b.evaluation().samples());
    assertEquals("mixed", b.settings().get("precision"));
    assertTrue(accuracy(a) >= 0.85, "the model learns: " + line);
    assertTrue(Math.abs(accuracy(a) - accuracy(b)) <= 0.01, line);
  }

  /** Grad-CAM of each model (both explained in float32) on 40 images, correlated image by image. */
  private static double meanMapCorrelation(String job, TrainResult a, TrainResult b)
      throws Exception {
    List<Path> images;
    try (Stream<Path> files = Files.walk(shapes)) {
      images = files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
    }
    double sum = 0;
    double worst = 1;
    int n = 0;
    BackboneRegistry registry = BackboneRegistry.load();
    try (Predictor pa = new Predictor(ModelStore.load(a.model(), registry, Device.CPU));
        Predictor pb = new Predictor(ModelStore.load(b.model(), registry, Device.CPU))) {
      for (int i = 0; i < images.size(); i += images.size() / 40) {
        float[] x = pa.explain(images.get(i)).map().values();
        float[] y = pb.explain(images.get(i)).map().values();
        double r = MapCorrelation.of(x, y);
        sum += r;
        worst = Math.min(worst, r);
        n++;
      }
    }
    String line = String.format(Locale.ROOT,
        "%s: Grad-CAM correlation fp32-trained vs mixed-trained: mean %.4f, lowest %.4f over %d"
            + " images", job, sum / n, worst, n);
    System.out.println(line);
    return sum / n;
  }
}
