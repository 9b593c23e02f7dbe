package dev.sommelier.tasks.data.synthetic;

import java.nio.file.Path;

/**
 * One written image and its label.
 *
 * @param file where it was written
 * @param classIndex its class, in the order the loaders give (natural order of the class names)
 * @param className its class name
 * @param value its value (a rank), or {@code NaN} for a class-only image
 */
public record GeneratedImage(Path file, int classIndex, String className, float value) {}
