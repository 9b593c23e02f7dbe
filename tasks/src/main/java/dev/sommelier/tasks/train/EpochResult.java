package dev.sommelier.tasks.train;

/**
 * One finished epoch.
 *
 * @param epoch 1-based over the whole run (phases continue the count)
 * @param phase 0-based phase index
 * @param learningRate the rate used
 * @param loss mean training loss
 * @param metric training accuracy (classification) or MAE (regression)
 * @param valLoss validation loss, NaN without validation data
 * @param valMetric validation accuracy or MAE, NaN without validation data
 * @param seconds wall time of the epoch
 * @param imagesPerSecond training images per second
 */
public record EpochResult(
    int epoch, int phase, float learningRate, double loss, double metric, double valLoss,
    double valMetric, double seconds, double imagesPerSecond) {}
