/**
 * Predicting image files with a saved model ({@link dev.sommelier.tasks.jobs.predict.PredictJob}):
 * its settings, one prediction per image, the predictions CSV and the result that {@code
 * predictions.json} holds.
 */
package dev.sommelier.tasks.jobs.predict;
