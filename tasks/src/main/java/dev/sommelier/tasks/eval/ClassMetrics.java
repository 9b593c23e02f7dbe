package dev.sommelier.tasks.eval;

/**
 * One class's line of a classification report. A ratio whose denominator is zero (precision of a
 * class never predicted, recall of a class absent from the truth, F1 when both are zero) is 0.
 *
 * @param name class name
 * @param precision true positives / samples predicted as this class
 * @param recall true positives / samples of this class ({@code support})
 * @param f1 harmonic mean of precision and recall
 * @param support samples whose true class is this one
 */
public record ClassMetrics(String name, double precision, double recall, double f1, long support) {}
