package dev.sommelier.tasks.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.tasks.jobs.BrightnessModel;
import dev.sommelier.tasks.model.ModelStore;
import dev.sommelier.tasks.model.TaskModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Score-CAM against its formula computed in plain Java on the hand-set {@link BrightnessModel}
 * (the explained layer is the 8x8x3 image scaled to [0, 1], and the "light" logit is {@code 10 *
 * (mean r + mean g + mean b) - 15}): channel {@code k}'s mask is that channel scaled to [0, 1],
 * the masked image's logit follows from the formula, the weights are the softmax of those logits
 * over the three channels, and the map is the weighted sum of the channels.
 */
class ScoreCamTest {

  private static final int SIZE = 8;
  private static final int P = SIZE * SIZE;

  @TempDir Path tmp;

  @Test
  void matchesThePlainJavaFormula() {
    Random random = new Random(4);
    float[] pixels = new float[2 * P * 3];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = random.nextInt(256);
    }
    try (TaskModel model = ModelStore.load(BrightnessModel.save(tmp.resolve("m")),
        BackboneRegistry.load(), dev.sommelier.core.Device.CPU)) {
      float[] x = pixels.clone();
      model.preprocessing().applyInPlace(x);
      List<CamResult> got = ExplainMethods.named("scorecam").explainer(model, null)
          .explain(x, 2, CamTarget.classLogit(1));
      for (int b = 0; b < 2; b++) {
        double[] a = new double[P * 3];
        for (int i = 0; i < a.length; i++) {
          a[i] = pixels[b * P * 3 + i] / 255.0;
        }
        double[] logits = new double[3];
        for (int k = 0; k < 3; k++) {
          double min = Double.POSITIVE_INFINITY;
          double max = Double.NEGATIVE_INFINITY;
          for (int p = 0; p < P; p++) {
            min = Math.min(min, a[p * 3 + k]);
            max = Math.max(max, a[p * 3 + k]);
          }
          double sum = 0;
          for (int p = 0; p < P; p++) {
            double mask = (a[p * 3 + k] - min) / (max - min);
            sum += mask * (a[p * 3] + a[p * 3 + 1] + a[p * 3 + 2]);
          }
          logits[k] = 10 * sum / P - 15;
        }
        double z = Math.exp(logits[0]) + Math.exp(logits[1]) + Math.exp(logits[2]);
        float[] expected = new float[P];
        float top = 0;
        for (int p = 0; p < P; p++) {
          double v = 0;
          for (int k = 0; k < 3; k++) {
            v += Math.exp(logits[k]) / z * a[p * 3 + k];
          }
          expected[p] = (float) v;
          top = Math.max(top, expected[p]);
        }
        for (int p = 0; p < P; p++) {
          expected[p] /= top;
        }
        CamMap map = got.get(b).map();
        assertEquals(SIZE, map.height());
        assertArrayEquals(expected, map.values(), 1e-5f);
        assertEquals(1, got.get(b).classIndex());
        assertTrue(map.target().contains("light"), map.target());
      }
    }
  }
}
