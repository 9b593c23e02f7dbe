/**
 * Jobs that launchers, demos and GUIs call: {@link dev.sommelier.tasks.job.TrainJob} (data to a
 * trained, evaluated, saved model and a report), {@link dev.sommelier.tasks.job.EvaluateJob} (a
 * saved model on a data set) and {@link dev.sommelier.tasks.job.PredictJob} (a saved model on image
 * files). Each takes a settings record, logs its progress through SLF4J, writes its files under an
 * output folder (atomically) and returns a result record that is also what its JSON file holds.
 * Bad input is an {@link IllegalArgumentException} whose message says what is wrong.
 */
package dev.sommelier.tasks.job;
