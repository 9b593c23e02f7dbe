package dev.sommelier.tasks.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.core.Device;
import dev.sommelier.core.Tensors;
import dev.sommelier.core.layers.BatchNormMode;
import dev.sommelier.heads.HeadSpec;
import dev.sommelier.heads.Pooling;
import dev.sommelier.tasks.model.ModelConfig;
import dev.sommelier.tasks.model.TaskModel;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * The pixel-level gradient methods against central finite differences of the target logit with
 * respect to the input, taken here at the points each method defines.
 */
class PixelGradientsTest {

  private static final int SIZE = 16;
  private static final int PER = SIZE * SIZE * 3;
  private static final int N = 2;
  private static final int CLASS = 2;
  private static final float EPS = 3e-4f;

  private static TaskModel model;
  private static float[] images;

  @BeforeAll
  static void model() {
    model = TaskModel.create(new ModelConfig("simple_cnn:blocks=2,width=4", SIZE,
        HeadSpec.softmax(3, Pooling.GAP, 0f), List.of("a", "b", "c"), BatchNormMode.FROZEN, 23),
        BackboneRegistry.load(), Device.CPU);
    Random r = new Random(6);
    images = new float[N * PER];
    for (int i = 0; i < images.length; i++) {
      images[i] = r.nextFloat();
    }
  }

  @AfterAll
  static void close() {
    model.close();
  }

  /** The logit of {@link #CLASS} for {@code m} images. */
  private static float[] logits(float[] x, int m) {
    try (TFloat32 in = Tensors.of(Shape.of(m, SIZE, SIZE, 3), x);
        Result r = model.runtime().session().runner().feed(model.input(), in)
            .fetch(model.output().score()).run()) {
      float[] all = Tensors.values(r.get(0));
      float[] out = new float[m];
      for (int i = 0; i < m; i++) {
        out[i] = all[i * 3 + CLASS];
      }
      return out;
    }
  }

  /**
   * Central differences at each of {@code points} (images, one after another) for input values
   * {@code 0, stride, 2 stride, ...}: {@code [point][checked]}.
   */
  private static double[][] centralDifferences(float[] points, int m, int stride) {
    int checked = (PER + stride - 1) / stride;
    float[] batch = new float[2 * m * checked * PER];
    int at = 0;
    for (int j = 0; j < m; j++) {
      for (int c = 0; c < checked; c++) {
        for (int sign = 1; sign >= -1; sign -= 2) {
          System.arraycopy(points, j * PER, batch, at * PER, PER);
          batch[at * PER + c * stride] += sign * EPS;
          at++;
        }
      }
    }
    float[] y = logits(batch, at);
    double[][] fd = new double[m][checked];
    for (int i = 0; i < m * checked; i++) {
      fd[i / checked][i % checked] = (y[2 * i] - (double) y[2 * i + 1]) / (2.0 * EPS);
    }
    return fd;
  }

  private static float[][] attributions(PixelMethod method) {
    float[][] a = new float[N][];
    new PixelGradients(model, method).attribute(images, N, CamTarget.classLogit(CLASS), a);
    return a;
  }

  @Test
  void saliencyIsTheInputGradient() {
    int stride = 5;
    float[][] a = attributions(PixelMethod.SALIENCY);
    double[][] fd = centralDifferences(images, N, stride);
    double scale = scale(a);
    assertTrue(scale > 1e-4, "gradients are all ~0: " + scale);
    Agreement agreement = new Agreement(scale);
    for (int b = 0; b < N; b++) {
      for (int c = 0; c < fd[b].length; c++) {
        agreement.add(fd[b][c], a[b][c * stride]);
      }
    }
    agreement.check("saliency");
    List<CamResult> maps = new PixelGradients(model, PixelMethod.SALIENCY)
        .explain(images, N, CamTarget.classLogit(CLASS));
    for (int b = 0; b < N; b++) {
      double[] expected = new double[SIZE * SIZE];
      for (int p = 0; p < expected.length; p++) {
        for (int ch = 0; ch < 3; ch++) {
          expected[p] = Math.max(expected[p], Math.abs(a[b][3 * p + ch]));
        }
      }
      assertArrayEquals(RawMaps.reluNormalised(expected), maps.get(b).map().values(), 1e-6f);
      assertEquals(SIZE, maps.get(b).map().height());
      assertEquals("class 'c' (logit)", maps.get(b).map().target());
    }
  }

  @Test
  void smoothGradAveragesTheGradientsAtItsNoisyCopies() {
    int stride = 11;
    PixelMethod.SmoothGrad method = new PixelMethod.SmoothGrad(4, 0.2f, 5);
    float[][] a = attributions(method);
    Agreement agreement = new Agreement(scale(a));
    for (int b = 0; b < N; b++) {
      float[] noisy = new float[4 * PER];
      method.points(Arrays.copyOfRange(images, b * PER, (b + 1) * PER), null, noisy);
      assertTrue(Math.abs(noisy[0] - images[b * PER]) > 1e-4, "no noise added");
      double[][] fd = centralDifferences(noisy, 4, stride);
      for (int c = 0; c < fd[0].length; c++) {
        double mean = (fd[0][c] + fd[1][c] + fd[2][c] + fd[3][c]) / 4;
        agreement.add(mean, a[b][c * stride]);
      }
    }
    agreement.check("SmoothGrad");
  }

  @Test
  void integratedGradientsMatchFiniteDifferencesOnThePathAndAddUpToTheScoreChange() {
    int steps = 40;
    int stride = 13;
    PixelMethod.IntegratedGradients method = new PixelMethod.IntegratedGradients(steps, 0f);
    float[][] a = attributions(method);
    Agreement agreement = new Agreement(scale(a));
    float[] baseline = new float[PER];
    Arrays.fill(baseline, 0f);
    model.preprocessing().applyInPlace(baseline);
    float[] ends = new float[2 * N * PER];
    for (int b = 0; b < N; b++) {
      float[] path = new float[steps * PER];
      for (int k = 0; k < steps; k++) {
        double alpha = (k + 0.5) / steps;
        for (int i = 0; i < PER; i++) {
          path[k * PER + i] =
              (float) (baseline[i] + alpha * (images[b * PER + i] - baseline[i]));
        }
      }
      double[][] fd = centralDifferences(path, steps, stride);
      for (int c = 0; c < fd[0].length; c++) {
        double mean = 0;
        for (int k = 0; k < steps; k++) {
          mean += fd[k][c] / steps;
        }
        int i = c * stride;
        agreement.add(mean * (images[b * PER + i] - baseline[i]), a[b][i]);
      }
      System.arraycopy(images, b * PER, ends, 2 * b * PER, PER);
      System.arraycopy(baseline, 0, ends, (2 * b + 1) * PER, PER);
    }
    agreement.check("Integrated Gradients");
    float[] y = logits(ends, 2 * N);
    for (int b = 0; b < N; b++) {
      double total = 0;
      for (float v : a[b]) {
        total += v;
      }
      double change = y[2 * b] - (double) y[2 * b + 1];
      assertTrue(Math.abs(change) > 1e-3, "the logit does not change: " + change);
      assertEquals(change, total, 0.02 * Math.abs(change), "completeness of image " + b);
    }
  }

  /**
   * Counts the values where the method and the finite differences agree to 1% of the largest
   * attribution. A finite step that crosses a ReLU's or a max-pool's kink gives a different slope
   * for a few values, so at least 90% must agree (all did for saliency and Integrated Gradients
   * here; SmoothGrad's noisy copies land nearer kinks).
   */
  private static final class Agreement {
    private final double scale;
    private int agreed;
    private int all;
    private double worst;

    Agreement(double scale) {
      assertTrue(scale > 1e-4, "attributions are all ~0: " + scale);
      this.scale = scale;
    }

    void add(double expected, double actual) {
      all++;
      double error = Math.abs(expected - actual);
      worst = Math.max(worst, error);
      agreed += error <= 1e-2 * scale ? 1 : 0;
    }

    void check(String what) {
      String line = what + ": " + agreed + " of " + all + " values agree; worst error "
          + worst / scale + " of the largest attribution";
      System.out.println(line);
      assertTrue(all >= 60 && agreed >= 0.9 * all, line);
    }
  }

  private static double scale(float[][] a) {
    double s = 0;
    for (float[] row : a) {
      for (float v : row) {
        s = Math.max(s, Math.abs(v));
      }
    }
    return s;
  }
}
