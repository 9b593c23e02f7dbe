/**
 * Jobs that launchers, demos and GUIs call, one sub-package per use case: {@link
 * dev.sommelier.tasks.jobs.train.TrainJob} (data to a trained, evaluated, saved model and a
 * report), {@link dev.sommelier.tasks.jobs.evaluate.EvaluateJob} (a saved model on a data set),
 * {@link dev.sommelier.tasks.jobs.predict.PredictJob} (a saved model on image files) and {@link
 * dev.sommelier.tasks.jobs.explain.ExplainJob} (class-activation maps for image files). Each takes
 * a settings record, logs its progress through SLF4J, writes its files under an output folder
 * (atomically) and returns a result record that is also what its JSON file holds. Bad input is an
 * {@link IllegalArgumentException} whose message says what is wrong. This package holds what
 * several jobs share: the data source, the data summary, the evaluation report, the image inputs
 * and batches, known truth, skipped files and the JSON writer.
 */
package dev.sommelier.tasks.jobs;
