/**
 * Training a model end to end ({@link dev.sommelier.tasks.jobs.train.TrainJob}): its settings with
 * the head, fine-tuning and initial-weight options, augmented samples, the test predictions CSV,
 * and the result that {@code report.json} holds.
 */
package dev.sommelier.tasks.jobs.train;
