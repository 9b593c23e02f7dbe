package dev.sommelier.tasks.data.split;

import dev.sommelier.tasks.data.DataSet;
import dev.sommelier.tasks.data.Sample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Splits a multi-label data set by ratio with iterative stratification (Sechidis, Tsoumakas and
 * Vlahavas, 2011): the label with the fewest samples left is placed first, each of its samples in
 * the part that still wants most of that label (ties: the part that wants most samples, then a
 * seeded coin). Samples without a label fill the parts that want most samples. A repair pass then
 * gives each part at least one sample of every label that has at least as many samples as there
 * are parts, moving one from the part that has most of it (never its last one there). Samples keep
 * the data set's order within a part.
 */
final class IterativeStratification {

  private IterativeStratification() {}

  static List<DataSet> split(DataSet data, double[] fractions, long seed) {
    List<Sample> samples = data.samples();
    int n = samples.size();
    int parts = fractions.length;
    int labels = data.classNames().size();
    Random random = new Random(seed);
    double[] wanted = new double[parts];
    double[][] wantedOf = new double[labels][parts];
    int[] counts = data.classCounts();
    for (int p = 0; p < parts; p++) {
      wanted[p] = n * fractions[p];
      for (int l = 0; l < labels; l++) {
        wantedOf[l][p] = counts[l] * fractions[p];
      }
    }
    int[] part = new int[n];
    java.util.Arrays.fill(part, -1);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    Collections.shuffle(order, random);
    int[] left = counts.clone();
    while (true) {
      int label = -1;
      for (int l = 0; l < labels; l++) {
        if (left[l] > 0 && (label < 0 || left[l] < left[label])) {
          label = l;
        }
      }
      if (label < 0) {
        break;
      }
      for (int i : order) {
        if (part[i] < 0 && samples.get(i).labels().contains(label)) {
          int p = best(wantedOf[label], wanted, random);
          assign(i, p, samples.get(i), part, wanted, wantedOf, left);
        }
      }
    }
    for (int i : order) {
      if (part[i] < 0) {
        assign(i, best(wanted, wanted, random), samples.get(i), part, wanted, wantedOf, left);
      }
    }
    repair(samples, part, parts, labels, counts);
    List<DataSet> out = new ArrayList<>();
    for (int p = 0; p < parts; p++) {
      List<Sample> members = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (part[i] == p) {
          members.add(samples.get(i));
        }
      }
      out.add(data.withSamples(members));
    }
    return out;
  }

  private static void assign(int i, int p, Sample s, int[] part, double[] wanted,
      double[][] wantedOf, int[] left) {
    part[i] = p;
    wanted[p]--;
    for (int l : s.labels()) {
      wantedOf[l][p]--;
      left[l]--;
    }
  }

  /** The part with the largest {@code primary}, ties by {@code secondary}, then at random. */
  private static int best(double[] primary, double[] secondary, Random random) {
    List<Integer> ties = new ArrayList<>();
    for (int p = 0; p < primary.length; p++) {
      if (ties.isEmpty() || primary[p] > primary[ties.get(0)] + 1e-9
          || Math.abs(primary[p] - primary[ties.get(0)]) <= 1e-9
              && secondary[p] > secondary[ties.get(0)] + 1e-9) {
        ties.clear();
        ties.add(p);
      } else if (Math.abs(primary[p] - primary[ties.get(0)]) <= 1e-9
          && Math.abs(secondary[p] - secondary[ties.get(0)]) <= 1e-9) {
        ties.add(p);
      }
    }
    return ties.get(random.nextInt(ties.size()));
  }

  /** Moves samples so that every label with enough samples is in every part. */
  private static void repair(List<Sample> samples, int[] part, int parts, int labels,
      int[] counts) {
    for (int l = 0; l < labels; l++) {
      if (counts[l] < parts) {
        continue;
      }
      for (int p = 0; p < parts; p++) {
        int[][] have = labelCounts(samples, part, parts, labels);
        if (have[l][p] > 0) {
          continue;
        }
        int donor = -1;
        for (int i = 0; i < samples.size(); i++) {
          int from = part[i];
          if (samples.get(i).labels().contains(l) && have[l][from] > 1
              && keepsOthers(samples.get(i), from, have)
              && (donor < 0 || have[l][from] > have[l][part[donor]])) {
            donor = i;
          }
        }
        if (donor >= 0) {
          part[donor] = p;
        }
      }
    }
  }

  /** Whether moving {@code s} out of {@code from} leaves every one of its labels there. */
  private static boolean keepsOthers(Sample s, int from, int[][] have) {
    for (int m : s.labels()) {
      if (have[m][from] < 2) {
        return false;
      }
    }
    return true;
  }

  private static int[][] labelCounts(List<Sample> samples, int[] part, int parts, int labels) {
    int[][] have = new int[labels][parts];
    for (int i = 0; i < samples.size(); i++) {
      for (int l : samples.get(i).labels()) {
        have[l][part[i]]++;
      }
    }
    return have;
  }
}
