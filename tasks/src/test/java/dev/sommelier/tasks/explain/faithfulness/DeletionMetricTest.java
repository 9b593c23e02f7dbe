package dev.sommelier.tasks.explain.faithfulness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The deletion metric with a fake model whose score is the brightness of a 4x4 patch of a 16x16
 * image: a map that points at the patch removes the evidence in the first step, a random order
 * only bit by bit.
 */
class DeletionMetricTest {

  private static final int SIDE = 16;

  @Test
  void aMapOnTheEvidenceDropsFasterThanRandom() {
    float[] pixels = new float[SIDE * SIDE * 3];
    float[] map = new float[SIDE * SIDE];
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 4; x++) {
        int p = y * SIDE + x;
        pixels[3 * p] = pixels[3 * p + 1] = pixels[3 * p + 2] = 255f;
        map[p] = 1f - 0.01f * p;
      }
    }
    List<Integer> batches = new ArrayList<>();
    BatchScorer patchBrightness = (batch, n) -> {
      batches.add(n);
      float[] s = new float[n];
      for (int i = 0; i < n; i++) {
        for (int y = 0; y < 4; y++) {
          for (int x = 0; x < 4; x++) {
            s[i] += batch[i * SIDE * SIDE * 3 + 3 * (y * SIDE + x)] / 255f / 16f;
          }
        }
      }
      return s;
    };
    Faithfulness f = new DeletionMetric(10).measure(pixels, SIDE, SIDE, map, patchBrightness, 1);

    assertEquals(List.of(21), batches, "one batch: the image and 10 + 10 perturbed copies");
    float grey = 16 * 255f / 256 / 255f; // the mean colour the removed pixels take, as a score
    assertEquals(1f, f.map().scores()[0], 1e-6f);
    assertEquals(grey, f.map().scores()[1], 1e-6f, "first 10% (25 px) covers the 16 patch pixels");
    assertEquals(1f - grey, f.map().firstStepDrop(), 1e-6);
    assertEquals(grey, f.random().scores()[10], 1e-6f, "everything removed");
    assertTrue(f.random().scores()[1] > 0.6f, "random first step keeps most: "
        + f.random().scores()[1]);
    assertTrue(f.map().auc() < 0.12, "map AUC " + f.map().auc());
    assertTrue(f.random().auc() > 0.4, "random AUC " + f.random().auc());
    Faithfulness again = new DeletionMetric(10).measure(pixels, SIDE, SIDE, map, patchBrightness,
        1);
    assertArrayEquals(f.random().scores(), again.random().scores(), "seeded");
  }

  @Test
  void curveAreaIsTrapezoids() {
    DeletionCurve c = DeletionCurve.of(new float[] {1f, 0.5f, 0f});
    assertEquals(0.5, c.auc(), 1e-9);
    assertEquals(0.5, c.firstStepDrop(), 1e-9);
    FaithfulnessSummary s = FaithfulnessSummary.of(List.of(new Faithfulness(c,
        DeletionCurve.of(new float[] {1f, 1f, 1f}))));
    assertEquals(0.5, s.mapAuc(), 1e-9);
    assertEquals(1.0, s.randomAuc(), 1e-9);
    assertEquals(0.0, s.randomFirstStepDrop(), 1e-9);
  }

  @Test
  void importanceOrderIsDescendingWithStableTies() {
    assertArrayEquals(new int[] {2, 0, 3, 1, 4},
        DeletionMetric.byImportance(new float[] {0.5f, 0f, 0.9f, 0.5f, Float.NaN}));
  }
}
