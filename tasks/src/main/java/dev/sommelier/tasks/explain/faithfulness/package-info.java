/**
 * How faithful a map is to the model, by the deletion metric: remove the pixels the map ranks
 * highest, step by step, and watch the target score fall; a map that points at the evidence makes
 * it fall faster than removing pixels in random order ({@link
 * dev.sommelier.tasks.explain.faithfulness.DeletionMetric}).
 */
package dev.sommelier.tasks.explain.faithfulness;
