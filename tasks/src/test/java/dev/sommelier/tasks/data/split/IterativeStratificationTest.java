package dev.sommelier.tasks.data.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.tasks.data.DataSet;
import dev.sommelier.tasks.data.ImageSource;
import dev.sommelier.tasks.data.Sample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A multi-label split keeps every sample once, the ratios within one sample, and every label with
 * at least three samples in each of the three parts, even a label carried by only three.
 */
class IterativeStratificationTest {

  @Test
  void everyLabelWithEnoughSamplesIsInEveryPart() {
    Random random = new Random(4);
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      List<Integer> labels = new ArrayList<>();
      for (int l = 0; l < 3; l++) {
        if (random.nextDouble() < 0.4) {
          labels.add(l);
        }
      }
      if (i < 3) {
        labels.add(3);
      }
      samples.add(Sample.ofLabels("s" + i, ImageSource.file(Path.of("s" + i)), labels));
    }
    DataSet data = new DataSet(DataSet.Kind.LABELS, List.of("a", "b", "c", "rare"), samples);
    List<DataSet> parts = StratifiedSplitter.split(data, SplitRatios.parse("6:2:2"), 7);
    Set<String> seen = new HashSet<>();
    int[] sizes = new int[3];
    for (int p = 0; p < 3; p++) {
      sizes[p] = parts.get(p).size();
      parts.get(p).samples().forEach(s -> assertTrue(seen.add(s.id()), s.id() + " twice"));
      int[] counts = parts.get(p).classCounts();
      for (int l = 0; l < 4; l++) {
        assertTrue(counts[l] > 0, "label " + l + " missing from part " + p);
      }
    }
    assertEquals(100, seen.size());
    assertEquals(60, sizes[0], 1.0);
    assertEquals(20, sizes[1], 1.0);
    assertEquals(20, sizes[2], 1.0);
  }
}
