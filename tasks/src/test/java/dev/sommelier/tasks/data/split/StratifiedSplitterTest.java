package dev.sommelier.tasks.data.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sommelier.tasks.data.DataSet;
import dev.sommelier.tasks.data.Sample;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StratifiedSplitterTest {

  /** Classes of 100, 10, 3 and 1 samples (ids "c<k>-<i>"), in an interleaved order. */
  private static DataSet classes() {
    int[] sizes = {100, 10, 3, 1};
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      for (int k = 0; k < sizes.length; k++) {
        if (i < sizes[k]) {
          samples.add(Sample.ofClass("c" + k + "-" + i, () -> null, k));
        }
      }
    }
    return new DataSet(DataSet.Kind.CLASSES, List.of("a", "b", "c", "d"), samples);
  }

  private static List<String> ids(DataSet d) {
    return d.samples().stream().map(Sample::id).toList();
  }

  @Test
  void everyClassIsSplitInProportionAndSmallClassesReachEveryPart() {
    List<DataSet> parts = StratifiedSplitter.split(classes(), SplitRatios.parse("6:2:2"), 11);
    assertArrayEquals(new int[] {60, 6, 1, 1}, parts.get(0).classCounts());
    assertArrayEquals(new int[] {20, 2, 1, 0}, parts.get(1).classCounts());
    assertArrayEquals(new int[] {20, 2, 1, 0}, parts.get(2).classCounts());
    Set<String> all = new HashSet<>();
    parts.forEach(p -> all.addAll(ids(p)));
    assertEquals(114, all.size());
  }

  @Test
  void twoPartsAndCounts() {
    List<DataSet> parts = StratifiedSplitter.split(classes(), SplitRatios.parse("6:4"), 1);
    assertArrayEquals(new int[] {60, 6, 2, 1}, parts.get(0).classCounts());
    assertArrayEquals(new int[] {40, 4, 1, 0}, parts.get(1).classCounts());
    assertArrayEquals(new int[] {2, 1, 1}, StratifiedSplitter.counts(4, new double[] {.8, .1, .1}));
    assertArrayEquals(new int[] {1, 1, 1}, StratifiedSplitter.counts(3, new double[] {.9, .05, .05}));
    assertArrayEquals(new int[] {1, 1, 0}, StratifiedSplitter.counts(2, new double[] {.6, .2, .2}));
  }

  @Test
  void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
    DataSet d = classes();
    SplitRatios r = SplitRatios.of(0.7, 0.3);
    List<String> a = ids(StratifiedSplitter.split(d, r, 42).get(1));
    assertEquals(a, ids(StratifiedSplitter.split(d, r, 42).get(1)));
    assertNotEquals(a, ids(StratifiedSplitter.split(d, r, 43).get(1)));
  }

  @Test
  void valuesAreStratifiedByTheirRoundedValue() {
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      samples.add(Sample.ofValue("v" + i, () -> null, i < 30 ? 1.2f : 4.9f));
    }
    DataSet d = new DataSet(DataSet.Kind.VALUES, List.of(), samples);
    DataSplits s = DataSplits.stratified(d, SplitRatios.parse("1:1"), 3);
    assertEquals(15, s.train().samples().stream().filter(x -> x.value() < 2).count());
    assertEquals(5, s.validation().samples().stream().filter(x -> x.value() > 2).count());
    assertEquals(0, s.test().size());
  }

  @Test
  void ratiosParseAndRefuseNonsense() {
    assertEquals("6:2:2", SplitRatios.parse(" 6 : 2 : 2 ").toString());
    assertArrayEquals(new double[] {0.75, 0.25}, SplitRatios.parse("3:1").fractions(), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> SplitRatios.parse("6:x"));
    assertThrows(IllegalArgumentException.class, () -> SplitRatios.parse("6:0"));
    assertThrows(IllegalArgumentException.class, () -> SplitRatios.parse("1:1:1:1"));
  }
}
