package dev.sommelier.tasks.explain.faithfulness;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The means of {@link MapScores} over a method's maps.
 *
 * @param maps how many maps were measured
 * @param deletion mean deletion AUC in the maps' order (lower is better)
 * @param deletionRandom mean deletion AUC in random order
 * @param insertion mean insertion AUC in the maps' order (higher is better)
 * @param insertionRandom mean insertion AUC in random order
 * @param roadMostRelevant mean ROAD score, most relevant pixels removed first (lower is better)
 * @param roadLeastRelevant mean ROAD score, least relevant first (higher is better)
 * @param averageDrop mean {@link MapScores#drop()} in percent, over maps with a positive score
 *     (lower is better)
 * @param increase the share of maps whose masked image scored higher, in percent (higher is
 *     better)
 */
public record FaithfulnessMeans(int maps, double deletion, double deletionRandom,
    double insertion, double insertionRandom, double roadMostRelevant, double roadLeastRelevant,
    double averageDrop, double increase) {

  /** The means over {@code all}; NaN when it is empty. */
  public static FaithfulnessMeans of(List<MapScores> all) {
    return new FaithfulnessMeans(all.size(), mean(all, MapScores::deletion),
        mean(all, MapScores::deletionRandom), mean(all, MapScores::insertion),
        mean(all, MapScores::insertionRandom), mean(all, MapScores::roadMostRelevant),
        mean(all, MapScores::roadLeastRelevant),
        100 * all.stream().mapToDouble(MapScores::drop).filter(d -> !Double.isNaN(d)).average()
            .orElse(Double.NaN),
        100 * mean(all, m -> m.increase() ? 1 : 0));
  }

  private static double mean(List<MapScores> all, ToDoubleFunction<MapScores> f) {
    return all.stream().mapToDouble(f).average().orElse(Double.NaN);
  }
}
