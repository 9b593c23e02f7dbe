package dev.sommelier.tasks.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.core.Device;
import dev.sommelier.core.layers.BatchNormMode;
import dev.sommelier.heads.HeadSpec;
import dev.sommelier.heads.Pooling;
import dev.sommelier.tasks.model.ModelConfig;
import dev.sommelier.tasks.model.TaskModel;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CAM methods beside Grad-CAM, each against its published formula computed here in plain Java
 * from activations and gradients that the test fetches through its own gradient graph.
 */
class CamMethodsTest {

  private static final int SIZE = 16;
  private static final int N = 3;
  private static final int CLASS = 1;

  private static TaskModel model;
  private static float[] images;

  @BeforeAll
  static void model() {
    model = TaskModel.create(new ModelConfig("simple_cnn:blocks=2,width=4", SIZE,
        HeadSpec.softmax(3, Pooling.GAP, 0f), List.of("a", "b", "c"), BatchNormMode.FROZEN, 17),
        BackboneRegistry.load(), Device.CPU);
    Random r = new Random(4);
    images = new float[N * SIZE * SIZE * 3];
    for (int i = 0; i < images.length; i++) {
      images[i] = r.nextFloat();
    }
  }

  @AfterAll
  static void close() {
    model.close();
  }

  /** Activations and gradients of {@code sum_b logit[b, CLASS]} at {@code layer}. */
  private static float[][] independentFetch(String layer) {
    return GradCamTest.independentFetch(model, layer, images, N, CLASS);
  }

  @Test
  void eachMethodMatchesItsFormula() {
    String layer = "block2_relu";
    float[][] ag = independentFetch(layer);
    float[] a = ag[0];
    float[] g = ag[1];
    int hw = 8 * 8;
    int c = 8;
    GradCam cam = GradCam.of(model, layer);
    CamTarget target = CamTarget.classLogit(CLASS);
    List<CamResult> x = cam.explain(images, N, target, CamMethod.XGRAD_CAM);
    List<CamResult> hi = cam.explain(images, N, target, CamMethod.HIRES_CAM);
    List<CamResult> lc = cam.explain(images, N, target, CamMethod.LAYER_CAM);
    List<CamResult> eig = cam.explain(images, N, target, CamMethod.EIGEN_CAM);
    for (int b = 0; b < N; b++) {
      double[] xw = new double[c];
      double[] hiRaw = new double[hw];
      double[] lcRaw = new double[hw];
      for (int k = 0; k < c; k++) {
        double sumA = 0;
        double sumGa = 0;
        for (int p = 0; p < hw; p++) {
          int i = (b * hw + p) * c + k;
          sumA += a[i];
          sumGa += g[i] * (double) a[i];
          hiRaw[p] += g[i] * (double) a[i];
          lcRaw[p] += (g[i] > 0 ? g[i] : 0) * (double) a[i];
        }
        xw[k] = sumGa / (sumA + 1e-7);
      }
      double[] xRaw = new double[hw];
      for (int p = 0; p < hw; p++) {
        for (int k = 0; k < c; k++) {
          xRaw[p] += xw[k] * a[(b * hw + p) * c + k];
        }
      }
      assertArrayEquals(normalised(xRaw), x.get(b).map().values(), 1e-5f, "XGrad-CAM " + b);
      assertArrayEquals(normalised(hiRaw), hi.get(b).map().values(), 1e-5f, "HiResCAM " + b);
      assertArrayEquals(normalised(lcRaw), lc.get(b).map().values(), 1e-5f, "LayerCAM " + b);
      assertArrayEquals(normalised(eigenProjection(a, b, hw, c)), eig.get(b).map().values(),
          1e-5f, "Eigen-CAM " + b);
      assertTrue(max(hi.get(b).map().values()) == 1f && max(eig.get(b).map().values()) == 1f);
      assertEquals("class 'b' (logit)", lc.get(b).map().target());
    }
  }

  /**
   * Eigen-CAM by a different algorithm: Jacobi rotations diagonalise the channel covariance of the
   * centred activations; the map is the projection on the eigenvector of the largest eigenvalue,
   * signed to correlate with the channel sum.
   */
  private static double[] eigenProjection(float[] a, int b, int hw, int c) {
    double[][] x = new double[hw][c];
    for (int k = 0; k < c; k++) {
      double mean = 0;
      for (int p = 0; p < hw; p++) {
        mean += a[(b * hw + p) * c + k] / (double) hw;
      }
      for (int p = 0; p < hw; p++) {
        x[p][k] = a[(b * hw + p) * c + k] - mean;
      }
    }
    double[][] m = new double[c][c];
    for (double[] row : x) {
      for (int i = 0; i < c; i++) {
        for (int j = 0; j < c; j++) {
          m[i][j] += row[i] * row[j];
        }
      }
    }
    double[][] v = jacobiEigenvectors(m);
    int best = 0;
    for (int i = 1; i < c; i++) {
      best = m[i][i] > m[best][best] ? i : best;
    }
    double[] proj = new double[hw];
    double agreement = 0;
    for (int p = 0; p < hw; p++) {
      double total = 0;
      for (int k = 0; k < c; k++) {
        proj[p] += x[p][k] * v[k][best];
        total += x[p][k];
      }
      agreement += proj[p] * total;
    }
    if (agreement < 0) {
      for (int p = 0; p < hw; p++) {
        proj[p] = -proj[p];
      }
    }
    return proj;
  }

  /** Diagonalises the symmetric {@code m} in place; returns the eigenvectors as columns. */
  private static double[][] jacobiEigenvectors(double[][] m) {
    int c = m.length;
    double[][] v = new double[c][c];
    for (int i = 0; i < c; i++) {
      v[i][i] = 1;
    }
    for (int sweep = 0; sweep < 100; sweep++) {
      for (int p = 0; p < c; p++) {
        for (int q = p + 1; q < c; q++) {
          if (Math.abs(m[p][q]) < 1e-300) {
            continue;
          }
          double theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
          double t = Math.signum(theta == 0 ? 1 : theta)
              / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
          double cs = 1 / Math.sqrt(t * t + 1);
          double sn = t * cs;
          for (int k = 0; k < c; k++) {
            double mkp = m[k][p];
            double mkq = m[k][q];
            m[k][p] = cs * mkp - sn * mkq;
            m[k][q] = sn * mkp + cs * mkq;
          }
          for (int k = 0; k < c; k++) {
            double mpk = m[p][k];
            double mqk = m[q][k];
            m[p][k] = cs * mpk - sn * mqk;
            m[q][k] = sn * mpk + cs * mqk;
          }
          for (int k = 0; k < c; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = cs * vkp - sn * vkq;
            v[k][q] = sn * vkp + cs * vkq;
          }
        }
      }
    }
    return v;
  }

  @Test
  void fusionAveragesTheNormalisedLayerCamMapsAtTheFinestGrid() {
    FusedLayerCam fused = FusedLayerCam.of(model, List.of("block1_relu", "block2_relu"));
    assertEquals("block1_relu+block2_relu", fused.layer());
    List<CamResult> got = fused.explain(images, N, CamTarget.classLogit(CLASS));
    float[][] fine = independentFetch("block1_relu");
    float[][] coarse = independentFetch("block2_relu");
    for (int b = 0; b < N; b++) {
      float[] f = normalised(layerCam(fine[0], fine[1], b, 16 * 16, 4));
      float[] up = CamMaps.upsample(new CamMap(8, 8,
          normalised(layerCam(coarse[0], coarse[1], b, 8 * 8, 8)), "", 0f), 16, 16);
      double[] mean = new double[f.length];
      for (int p = 0; p < f.length; p++) {
        mean[p] = (f[p] + up[p]) / 2;
      }
      CamMap map = got.get(b).map();
      assertEquals(16, map.height());
      assertEquals(16, map.width());
      assertArrayEquals(normalised(mean), map.values(), 1e-5f, "image " + b);
    }
  }

  @Test
  void fusionDefaultsToTheGradCamLayerAndTheLastLayersOfFinerGrids() {
    try (TaskModel three = TaskModel.create(new ModelConfig("simple_cnn:blocks=3,width=4", 32,
        HeadSpec.softmax(2, Pooling.GAP, 0f), List.of("a", "b"), BatchNormMode.FROZEN, 1),
        BackboneRegistry.load(), Device.CPU)) {
      assertEquals(List.of("block1_relu", "block2_relu", "block3_relu"),
          FusedLayerCam.of(three).layers());
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FusedLayerCam.of(model, List.of("block1_relu", "block7_relu")));
    assertTrue(e.getMessage().contains("no layer 'block7_relu'"), e.getMessage());
  }

  private static double[] layerCam(float[] a, float[] g, int b, int hw, int c) {
    double[] raw = new double[hw];
    for (int p = 0; p < hw; p++) {
      for (int k = 0; k < c; k++) {
        int i = (b * hw + p) * c + k;
        raw[p] += Math.max(0, g[i]) * (double) a[i];
      }
    }
    return raw;
  }

  private static float[] normalised(double[] raw) {
    double max = 0;
    for (double v : raw) {
      max = Math.max(max, v);
    }
    float[] out = new float[raw.length];
    for (int p = 0; p < raw.length; p++) {
      out[p] = max == 0 ? 0f : (float) (Math.max(0, raw[p]) / max);
    }
    return out;
  }

  private static float max(float[] v) {
    float m = Float.NEGATIVE_INFINITY;
    for (float x : v) {
      m = Math.max(m, x);
    }
    return m;
  }
}
