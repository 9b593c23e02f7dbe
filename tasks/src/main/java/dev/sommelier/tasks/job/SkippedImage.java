package dev.sommelier.tasks.job;

/**
 * An image a {@link PredictJob} could not read.
 *
 * @param file the file
 * @param reason why it could not be decoded
 */
public record SkippedImage(String file, String reason) {}
