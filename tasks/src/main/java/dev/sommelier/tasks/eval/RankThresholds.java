package dev.sommelier.tasks.eval;

import java.util.List;

/**
 * Cut points that turn a regressor's output into a rank: {@code rank = scale.min() + (number of
 * cut points strictly below the prediction)}. A prediction equal to a cut point takes the lower
 * rank.
 *
 * @param scale the ranks
 * @param cutPoints {@code scale.size() - 1} strictly increasing cut points; cut point {@code i}
 *     separates rank {@code scale.min() + i} from the next
 */
public record RankThresholds(RankScale scale, List<Double> cutPoints) {

  /** Copies and checks the cut points. */
  public RankThresholds {
    cutPoints = List.copyOf(cutPoints);
    if (cutPoints.size() != scale.size() - 1) {
      throw new IllegalArgumentException(
          cutPoints.size() + " cut points for " + scale.size() + " ranks");
    }
    for (int i = 0; i < cutPoints.size(); i++) {
      double point = cutPoints.get(i);
      if (!Double.isFinite(point) || (i > 0 && point <= cutPoints.get(i - 1))) {
        throw new IllegalArgumentException("cut points must be finite, increasing: " + cutPoints);
      }
    }
  }

  /**
   * The rank of a prediction, by binary search over the cut points.
   *
   * @param prediction a regressor's output
   * @return a rank within the scale
   */
  public int rank(double prediction) {
    int below = 0;
    int above = cutPoints.size();
    while (below < above) {
      int middle = (below + above) >>> 1;
      if (cutPoints.get(middle) < prediction) {
        below = middle + 1;
      } else {
        above = middle;
      }
    }
    return scale.min() + below;
  }
}
