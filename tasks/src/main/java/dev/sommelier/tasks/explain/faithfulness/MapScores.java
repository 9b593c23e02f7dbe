package dev.sommelier.tasks.explain.faithfulness;

/**
 * How faithful one map is to the model on one image, by every measure of {@link MapFaithfulness}.
 * Scores are the explained target's (a class probability, or a regressor's value).
 *
 * @param score the target score of the untouched image
 * @param deletion AUC as the map's most important pixels are greyed out first (lower is better)
 * @param deletionRandom the same in a seeded random order
 * @param insertion AUC as the map's most important pixels are put back first into a grey image
 *     (higher is better)
 * @param insertionRandom the same in the random order
 * @param roadMostRelevant ROAD: the mean score after removing the map's most important 1/steps,
 *     2/steps, ... (steps-1)/steps of the pixels, filled from their neighbours ({@link RoadFill});
 *     lower is better
 * @param roadLeastRelevant the same, removing the least important pixels first (higher is better)
 * @param maskedScore the score of the image multiplied pixel by pixel with the map (normalised
 *     to a largest value of 1), for the average drop and increase in confidence
 */
public record MapScores(double score, double deletion, double deletionRandom, double insertion,
    double insertionRandom, double roadMostRelevant, double roadLeastRelevant,
    double maskedScore) {

  /**
   * The drop in confidence when only the map's part of the image is shown, {@code max(0, score -
   * maskedScore) / score} (Chattopadhay et al., Grad-CAM++, 2018); NaN when the score is not
   * positive.
   */
  public double drop() {
    return score > 0 ? Math.max(0, score - maskedScore) / score : Double.NaN;
  }

  /** Whether showing only the map's part of the image raised the score. */
  public boolean increase() {
    return maskedScore > score;
  }
}
