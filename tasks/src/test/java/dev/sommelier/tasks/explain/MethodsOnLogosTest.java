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
import dev.sommelier.tasks.explain.faithfulness.DeletionMetric;
import dev.sommelier.tasks.explain.faithfulness.Faithfulness;
import dev.sommelier.tasks.explain.pointing.EnergyInBox;
import dev.sommelier.tasks.explain.pointing.PointingGame;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every method on drawn logos, where the deciding object and its box are known: a small CNN
 * trained here (7 logo classes at 64x64, about a minute on 2 cores) explains 210 held-out images;
 * per method the pointing game, the share of map energy in the logo's box and the deletion AUC
 * against a random order are printed as a table. The model must have learnt (test accuracy >=
 * 0.9), the best method must point into the box for >= 90% of the images, and LayerCAM fused over
 * three layers must point better than Grad-CAM at the last convolutional layer.
 */
@Tag("slow")
class MethodsOnLogosTest {

  private static final int SIZE = 64;
  private static final int CLASSES = 7;
  private static final int TRAIN = 4200;
  private static final int TEST = 210;
  private static final int PIXELS = SIZE * SIZE * 3;

  @TempDir static Path tmp;

  @Test
  void theBestMethodPointsAtTheLogoAndFusionBeatsLastLayerGradCam() {
    List<Glyph> glyphs = Glyph.first(CLASSES);
    Random random = new Random(1);
    float[] raw = new float[(TRAIN + TEST) * PIXELS];
    float[] targets = new float[TRAIN * CLASSES];
    List<Rectangle> boxes = new ArrayList<>();
    int[] truth = new int[TEST];
    for (int i = 0; i < TRAIN + TEST; i++) {
      int c = i % CLASSES;
      LogoImages.Drawn d = LogoImages.draw(glyphs.get(c), SIZE, random);
      byte[] rgb = ImageDecoder.convert(d.image()).rgb();
      for (int j = 0; j < PIXELS; j++) {
        raw[i * PIXELS + j] = rgb[j] & 0xFF;
      }
      if (i < TRAIN) {
        targets[i * CLASSES + c] = 1;
      } else {
        boxes.add(d.box());
        truth[i - TRAIN] = c;
      }
    }
    ModelConfig config = new ModelConfig("simple_cnn:blocks=3,width=16", SIZE,
        HeadSpec.softmax(CLASSES, Pooling.GAP, 0f), glyphs.stream().map(Glyph::label).toList(),
        BatchNormMode.FROZEN, 9);
    try (TaskModel model = TaskModel.create(config, BackboneRegistry.load(), Device.CPU)) {
      float[] x = raw.clone();
      model.preprocessing().applyInPlace(x);
      TrainingConfig recipe = new TrainingConfig(
          List.of(new TrainingPhase(TrainScope.ALL, OptimizerKind.ADAM, 0.003f, 16)),
          new LearningRateSchedule.Cosine(), 0, false);
      new Trainer(model, recipe).fit(new ArrayBatchSource(Arrays.copyOf(x, TRAIN * PIXELS),
          targets, TRAIN, 32, true, 3), null, tmp.resolve("run"));
      float[] test = Arrays.copyOfRange(x, TRAIN * PIXELS, x.length);
      float[] testRaw = Arrays.copyOfRange(raw, TRAIN * PIXELS, raw.length);

      Map<String, Explainer> explainers = new LinkedHashMap<>();
      for (ExplainMethod m : ExplainMethods.all()) {
        explainers.put(m.label(), m.explainer(model, null));
      }
      explainers.put("gradcam@block3_pool", CamMethod.GRAD_CAM.explainer(model, "block3_pool"));
      DeletionMetric deletion = new DeletionMetric(10);
      Map<String, Double> pointing = new LinkedHashMap<>();
      StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
          "%-22s %-36s %8s %8s %9s %9s %8s%n", "method", "layer", "pointing", "energy",
          "del. AUC", "random", "ms/img"));
      double accuracy = 0;
      for (Map.Entry<String, Explainer> e : explainers.entrySet()) {
        long start = System.nanoTime();
        List<CamResult> maps = new ArrayList<>();
        for (int from = 0; from < TEST; from += 30) {
          maps.addAll(e.getValue().explain(
              Arrays.copyOfRange(test, from * PIXELS, (from + 30) * PIXELS), 30,
              CamTarget.predictedClass()));
        }
        double ms = (System.nanoTime() - start) / 1e6 / TEST;
        int hits = 0;
        int right = 0;
        double energy = 0;
        double mapAuc = 0;
        double randomAuc = 0;
        for (int i = 0; i < TEST; i++) {
          CamResult r = maps.get(i);
          right += r.classIndex() == truth[i] ? 1 : 0;
          CamMaps.Peak peak = CamMaps.peak(r.map(), SIZE, SIZE);
          hits += PointingGame.hit(List.of(boxes.get(i)), peak.x(), peak.y()) ? 1 : 0;
          float[] up = CamMaps.upsample(r.map(), SIZE, SIZE);
          double share = EnergyInBox.of(up, SIZE, SIZE, List.of(boxes.get(i)));
          energy += Double.isNaN(share) ? 0 : share;
          if (i % 3 == 0) {
            int c = r.classIndex();
            Faithfulness f = deletion.measure(
                Arrays.copyOfRange(testRaw, i * PIXELS, (i + 1) * PIXELS), SIZE, SIZE, up,
                (pixels, n) -> {
                  float[] p = model.predict(dev.sommelier.tasks.model.ModelInput
                      .preprocessed(model, pixels), n);
                  float[] s = new float[n];
                  for (int j = 0; j < n; j++) {
                    s[j] = p[j * CLASSES + c];
                  }
                  return s;
                }, i);
            mapAuc += f.map().auc() / (TEST / 3);
            randomAuc += f.random().auc() / (TEST / 3);
          }
        }
        accuracy = right / (double) TEST;
        double rate = PointingGame.of(hits, TEST).rate();
        pointing.put(e.getKey(), rate);
        table.append(String.format(Locale.ROOT, "%-22s %-36s %8.3f %8.3f %9.3f %9.3f %8.2f%n",
            e.getKey(), e.getValue().layer(), rate, energy / TEST, mapAuc, randomAuc, ms));
      }
      double boxShare = boxes.stream().mapToDouble(b -> b.width * (double) b.height).sum()
          / TEST / (SIZE * SIZE);
      table.append(String.format(Locale.ROOT, "test accuracy %.3f; a random peak lands in the"
          + " box %.3f of the time%n", accuracy, boxShare));
      System.out.print(table);
      double best = pointing.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
      assertTrue(accuracy >= 0.9, table.toString());
      assertTrue(best >= 0.9, table.toString());
      assertTrue(pointing.get("fusion") > pointing.get("gradcam@block3_pool"), table.toString());
    }
  }
}
