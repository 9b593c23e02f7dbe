/**
 * Evaluating a saved model on a data set, whole or one part of its split ({@link
 * dev.sommelier.tasks.jobs.evaluate.EvaluateJob}), its settings and the result that {@code
 * evaluation.json} holds.
 */
package dev.sommelier.tasks.jobs.evaluate;
