package dev.sommelier.tasks.explain.faithfulness;

/**
 * One map's deletion curves: pixels removed in the map's order and in a seeded random order.
 *
 * @param map most important pixels (by the map) first
 * @param random a seeded random order, the baseline
 */
public record Faithfulness(DeletionCurve map, DeletionCurve random) {}
