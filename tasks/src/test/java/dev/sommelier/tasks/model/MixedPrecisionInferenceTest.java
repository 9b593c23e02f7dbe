package dev.sommelier.tasks.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.core.Device;
import dev.sommelier.core.Precision;
import dev.sommelier.heads.Pooling;
import dev.sommelier.tasks.MapCorrelation;
import dev.sommelier.tasks.data.ImageDecoder;
import dev.sommelier.tasks.data.RgbImage;
import dev.sommelier.tasks.data.synthetic.FileFormat;
import dev.sommelier.tasks.data.synthetic.Layout;
import dev.sommelier.tasks.data.synthetic.ShapeImages;
import dev.sommelier.tasks.data.source.DataSource;
import dev.sommelier.tasks.explain.CamMethod;
import dev.sommelier.tasks.explain.CamResult;
import dev.sommelier.tasks.explain.CamTarget;
import dev.sommelier.tasks.explain.GradCam;
import dev.sommelier.tasks.jobs.train.HeadOptions;
import dev.sommelier.tasks.jobs.train.InitialWeights;
import dev.sommelier.tasks.jobs.train.TrainJob;
import dev.sommelier.tasks.jobs.train.TrainSettings;
import dev.sommelier.tasks.train.OptimizerKind;
import dev.sommelier.tasks.train.TrainScope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mixed precision against float32 on a small trained model, both frozen: MobileNetV1 0.25 from its
 * ImageNet weights at 224x224 with a softmax head trained on drawn shapes (3 classes, 20 each), on
 * 12 other drawn images. The same top class on every image; Grad-CAM maps at the default layer
 * ({@code conv_pw_13_relu}, 7x7) that correlate at 0.98 or more on every image.
 *
 * <p>Why these bounds. bfloat16 keeps 8 significant bits: every input, weight and activation of
 * a convolution is rounded by up to 2^-9 of itself. A logit is a sum of 256 products that cancel
 * in part, so its error is a fraction of the sum of their sizes, not of the logit: measured here
 * the logits of an unsure image move by most of a unit, and a probability near 0.5 by up to 0.2
 * (0.17 at 224 pixels, 0.20 at 96); sure images move by less than 0.001. Hence: top class equal,
 * no probability off by more than {@value #WORST_PROBABILITY}, on average (over 36
 * probabilities) no more than {@value #MEAN_PROBABILITY}. Grad-CAM adds the rounded gradients
 * and a ReLU over a sum whose channels partly cancel: at the default layer the maps correlated at
 * 0.989 to 0.998 (mean 0.993) with float32's. On a CPU without AVX512_BF16 or AMX mixed runs
 * float32 and the test holds trivially.
 */
class MixedPrecisionInferenceTest {

  private static final Logger LOG = LoggerFactory.getLogger(MixedPrecisionInferenceTest.class);
  private static final double WORST_PROBABILITY = 0.25;
  private static final double MEAN_PROBABILITY = 0.03;

  @TempDir Path tmp;

  @Test
  void mixedAgreesWithFloat32OnATrainedModel() throws Exception {
    Path shapes = tmp.resolve("shapes");
    new ShapeImages(3, 20, 224, FileFormat.PNG, Layout.CLASS_FOLDERS, 11).writeTo(shapes);
    Path test = tmp.resolve("test");
    new ShapeImages(3, 4, 224, FileFormat.PNG, Layout.CLASS_FOLDERS, 12).writeTo(test);
    TrainSettings s = TrainSettings.builder(DataSource.folder(shapes), tmp.resolve("run"))
        .seed(5).backbone("mobilenet_v1:alpha=0.25").backboneWeights(InitialWeights.IMAGENET)
        .inputSize(224).head(new HeadOptions("softmax", 0f, List.of(), Pooling.GAP))
        .scope(TrainScope.HEAD).optimizer(OptimizerKind.ADAM).learningRate(0.01f).epochs(10)
        .batchSize(16).workers(2).build();
    Path dir = new TrainJob(s).run().model();

    BackboneRegistry registry = BackboneRegistry.load();
    try (TaskModel fp32 = ModelStore.load(dir, registry, Device.CPU, InferenceOptions.DEFAULT);
        TaskModel mixed = ModelStore.load(dir, registry, Device.CPU,
            InferenceOptions.DEFAULT.withPrecision(Precision.MIXED))) {
      List<RgbImage> images = new ArrayList<>();
      try (Stream<Path> files = Files.walk(test)) {
        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
          images.add(ImageDecoder.decode(f));
        }
      }
      int n = images.size();
      float[] x = ModelInput.of(fp32, images);
      float[] p = fp32.predict(x, n);
      float[] q = mixed.predict(x, n);
      double worst = 0;
      double sum = 0;
      for (int i = 0; i < n; i++) {
        assertEquals(argMax(p, i * 3), argMax(q, i * 3), "top class of test image " + i);
        for (int k = 0; k < 3; k++) {
          double d = Math.abs(p[i * 3 + k] - q[i * 3 + k]);
          worst = Math.max(worst, d);
          sum += d;
        }
      }
      double mean = sum / p.length;

      CamTarget target = CamTarget.predictedClass();
      List<CamResult> a = GradCam.of(fp32).explain(x, n, target, CamMethod.GRAD_CAM);
      List<CamResult> b = GradCam.of(mixed).explain(x, n, target, CamMethod.GRAD_CAM);
      double lowest = 1;
      double total = 0;
      for (int i = 0; i < n; i++) {
        double c = MapCorrelation.of(a.get(i).map().values(), b.get(i).map().values());
        lowest = Math.min(lowest, c);
        total += c;
      }
      LOG.info("{} vs float32 on {} images: probabilities differ by {} at most, {} on average;"
          + " Grad-CAM maps correlate at {} on average, {} at least",
          mixed.runtime().precision().computeType(), n, worst, mean, total / n, lowest);
      assertTrue(worst <= WORST_PROBABILITY, "largest probability difference " + worst);
      assertTrue(mean <= MEAN_PROBABILITY, "mean probability difference " + mean);
      assertTrue(lowest >= 0.98, "lowest Grad-CAM correlation " + lowest);
    }
  }

  private static int argMax(float[] v, int from) {
    int best = from;
    for (int i = from; i < from + 3; i++) {
      best = v[i] > v[best] ? i : best;
    }
    return best - from;
  }
}
