/**
 * Sommelier for applications: load a trained model and predict or explain files, {@code
 * BufferedImage}s or uploaded bytes ({@link dev.sommelier.api.ImageModel}), and train one on a folder
 * of photos with a few named choices ({@link dev.sommelier.api.Training}), both reached from {@link
 * dev.sommelier.api.Sommelier}. The facade adds no second implementation: it chooses defaults and
 * hands over to the types underneath ({@link dev.sommelier.tasks.predict.Predictor}, {@link
 * dev.sommelier.tasks.jobs.train.TrainSettings}, {@link dev.sommelier.tasks.jobs.train.TrainJob}),
 * which stay reachable for everything else.
 */
package dev.sommelier.api;
