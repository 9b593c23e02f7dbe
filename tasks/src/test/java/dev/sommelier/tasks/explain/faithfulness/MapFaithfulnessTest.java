package dev.sommelier.tasks.explain.faithfulness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every measure of {@link MapFaithfulness} against a hand computation: a grey 1x4 image (levels
 * 200, 100, 50, 10; mean 90) and a fake model whose score is the first pixel's red level / 255.
 * The map ranks pixels 1, 0, 2, 3; with 2 steps each step removes or restores two pixels.
 */
class MapFaithfulnessTest {

  private static final float[] IMAGE = grey(200, 100, 50, 10);
  private static final float[] MAP = {3, 4, 2, 1};
  private static final BatchScorer FIRST_PIXEL = (pixels, n) -> {
    float[] s = new float[n];
    for (int i = 0; i < n; i++) {
      s[i] = pixels[i * 12] / 255f;
    }
    return s;
  };

  @Test
  void eachMeasureMatchesTheHandComputation() {
    long seed = 7;
    MapScores m = new MapFaithfulness(2).measure(IMAGE, 1, 4, MAP, FIRST_PIXEL, seed);
    assertEquals(200 / 255.0, m.score(), 1e-6);
    // deletion: 200, then pixels 1 and 0 grey (90), then all grey: ((200+90)/2 + (90+90)/2) / 2
    assertEquals(117.5 / 255, m.deletion(), 1e-6);
    // insertion: all grey 90, then pixels 1 and 0 back (200), then the image: (145 + 200) / 2
    assertEquals(172.5 / 255, m.insertion(), 1e-6);
    // ROAD, most relevant first: pixels 0 and 1 filled from their neighbours in the row:
    // x0 = x1 (x0's only neighbour), x1 = (x0 + 50) / 2, so both are 50
    assertEquals(50 / 255.0, m.roadMostRelevant(), 1e-5);
    // least relevant first: pixels 3 and 2 go, pixel 0 stays
    assertEquals(200 / 255.0, m.roadLeastRelevant(), 1e-6);
    // masked by the map (largest 4): pixel 0 keeps 3/4 of 200; drop 50/200, no increase
    assertEquals(150 / 255.0, m.maskedScore(), 1e-6);
    assertEquals(0.25, m.drop(), 1e-6);
    assertFalse(m.increase());

    // the random order: pixel 0 is gone after step 1 when it is among the first two
    int[] order = DeletionMetric.shuffled(4, seed);
    boolean early = order[0] == 0 || order[1] == 0;
    double mid = early ? 90 : 200;
    assertEquals(((200 + mid) / 2 + (mid + 90) / 2) / 2 / 255, m.deletionRandom(), 1e-6);
    double restored = early ? 200 : 90;
    assertEquals(((90 + restored) / 2 + (restored + 200) / 2) / 2 / 255, m.insertionRandom(),
        1e-6);
  }

  @Test
  void meansAveragePerMethodAndCountIncreases() {
    MapScores a = new MapScores(0.8, 0.1, 0.3, 0.7, 0.5, 0.2, 0.6, 0.4);
    MapScores b = new MapScores(0.5, 0.3, 0.5, 0.5, 0.3, 0.4, 0.4, 0.6);
    FaithfulnessMeans f = FaithfulnessMeans.of(List.of(a, b));
    assertEquals(2, f.maps());
    assertEquals(0.2, f.deletion(), 1e-12);
    assertEquals(0.6, f.insertion(), 1e-12);
    // drops: (0.8 - 0.4) / 0.8 = 50 %, and 0 for b, which rose
    assertEquals(25, f.averageDrop(), 1e-9);
    assertEquals(50, f.increase(), 1e-9);
    assertTrue(Double.isNaN(FaithfulnessMeans.of(List.of()).deletion()));
  }

  private static float[] grey(int... levels) {
    float[] p = new float[levels.length * 3];
    for (int i = 0; i < p.length; i++) {
      p[i] = levels[i / 3];
    }
    return p;
  }
}
