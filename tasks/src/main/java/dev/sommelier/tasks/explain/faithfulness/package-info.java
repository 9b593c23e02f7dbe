/**
 * How faithful a map is to the model: remove the pixels the map ranks highest, step by step, and
 * watch the target score fall (deletion, {@link
 * dev.sommelier.tasks.explain.faithfulness.DeletionMetric}); a map that points at the evidence
 * makes it fall faster than removing pixels in random order. {@link
 * dev.sommelier.tasks.explain.faithfulness.MapFaithfulness} adds insertion, ROAD (removed pixels
 * filled from their neighbours, {@link dev.sommelier.tasks.explain.faithfulness.RoadFill}) and
 * the average drop and increase in confidence.
 */
package dev.sommelier.tasks.explain.faithfulness;
