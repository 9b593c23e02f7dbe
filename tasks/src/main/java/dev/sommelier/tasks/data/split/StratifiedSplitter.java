package dev.sommelier.tasks.data.split;

import dev.sommelier.tasks.data.DataSet;
import dev.sommelier.tasks.data.Sample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Splits a data set into parts by ratio, each stratum (a class; for a data set of values, the value
 * rounded to the nearest integer) split on its own in proportion. A stratum of at least as many
 * samples as parts gives every part at least one. Which samples go where is decided by a seeded
 * shuffle of each stratum, so the same seed gives the same split; within a part, samples keep the
 * data set's order. A multi-label data set is split by {@link IterativeStratification}.
 */
public final class StratifiedSplitter {

  private StratifiedSplitter() {}

  /** The parts of {@code data}, one per ratio, in the ratios' order. */
  public static List<DataSet> split(DataSet data, SplitRatios ratios, long seed) {
    if (data.kind() == DataSet.Kind.LABELS) {
      return IterativeStratification.split(data, ratios.fractions(), seed);
    }
    Map<Long, List<Integer>> strata = new TreeMap<>();
    List<Sample> samples = data.samples();
    for (int i = 0; i < samples.size(); i++) {
      strata.computeIfAbsent(stratum(data, samples.get(i)), k -> new ArrayList<>()).add(i);
    }
    int parts = ratios.size();
    List<List<Integer>> chosen = new ArrayList<>();
    for (int p = 0; p < parts; p++) {
      chosen.add(new ArrayList<>());
    }
    Random random = new Random(seed);
    double[] fractions = ratios.fractions();
    for (List<Integer> members : strata.values()) {
      Collections.shuffle(members, random);
      int[] counts = counts(members.size(), fractions);
      int from = 0;
      for (int p = 0; p < parts; p++) {
        chosen.get(p).addAll(members.subList(from, from + counts[p]));
        from += counts[p];
      }
    }
    List<DataSet> out = new ArrayList<>();
    for (List<Integer> indices : chosen) {
      Collections.sort(indices);
      out.add(data.withSamples(indices.stream().map(samples::get).toList()));
    }
    return out;
  }

  /**
   * How many of {@code n} samples each part gets: the largest-remainder rounding of {@code n *
   * fraction}, then, when {@code n} is at least the number of parts, one moved from the largest
   * part to every empty one.
   */
  static int[] counts(int n, double[] fractions) {
    int k = fractions.length;
    int[] counts = new int[k];
    double[] remainder = new double[k];
    int given = 0;
    for (int p = 0; p < k; p++) {
      double exact = n * fractions[p];
      counts[p] = (int) Math.floor(exact);
      remainder[p] = exact - counts[p];
      given += counts[p];
    }
    for (; given < n; given++) {
      int best = 0;
      for (int p = 1; p < k; p++) {
        if (remainder[p] > remainder[best] + 1e-9) {
          best = p;
        }
      }
      counts[best]++;
      remainder[best] = -1;
    }
    if (n >= k) {
      for (int p = 0; p < k; p++) {
        if (counts[p] == 0) {
          int largest = 0;
          for (int q = 1; q < k; q++) {
            if (counts[q] > counts[largest]) {
              largest = q;
            }
          }
          counts[largest]--;
          counts[p]++;
        }
      }
    }
    return counts;
  }

  private static long stratum(DataSet data, Sample s) {
    return data.kind() == DataSet.Kind.CLASSES ? s.classIndex() : Math.round((double) s.value());
  }
}
