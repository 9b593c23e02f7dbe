package dev.sommelier.tasks.explain.faithfulness;

import java.util.List;

/**
 * Means of the deletion numbers over a run's maps.
 *
 * @param maps how many maps were measured
 * @param mapAuc mean area under the map-order curves
 * @param randomAuc mean area under the random-order curves
 * @param mapFirstStepDrop mean confidence lost to the map's first step
 * @param randomFirstStepDrop mean confidence lost to the random first step
 */
public record FaithfulnessSummary(int maps, double mapAuc, double randomAuc,
    double mapFirstStepDrop, double randomFirstStepDrop) {

  /** The means over {@code all}; NaN when it is empty. */
  public static FaithfulnessSummary of(List<Faithfulness> all) {
    int n = all.size();
    return new FaithfulnessSummary(n,
        all.stream().mapToDouble(f -> f.map().auc()).average().orElse(Double.NaN),
        all.stream().mapToDouble(f -> f.random().auc()).average().orElse(Double.NaN),
        all.stream().mapToDouble(f -> f.map().firstStepDrop()).average().orElse(Double.NaN),
        all.stream().mapToDouble(f -> f.random().firstStepDrop()).average().orElse(Double.NaN));
  }
}
