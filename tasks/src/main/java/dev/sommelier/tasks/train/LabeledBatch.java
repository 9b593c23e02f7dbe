package dev.sommelier.tasks.train;

/**
 * A batch as the trainer consumes it.
 *
 * @param inputs {@code n} preprocessed images, {@code n * size * size * 3} floats
 * @param n images in the batch
 * @param targets {@code n * k} targets: one-hot classes, or values ({@code k = 1})
 */
public record LabeledBatch(float[] inputs, int n, float[] targets) {}
