package dev.sommelier.tasks.jobs;

/**
 * An input file that predict or explain could not read ({@link InputBatches}).
 *
 * @param file the file
 * @param reason why it could not be decoded
 */
public record SkippedImage(String file, String reason) {}
