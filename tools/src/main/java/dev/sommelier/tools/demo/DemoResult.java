package dev.sommelier.tools.demo;

import java.nio.file.Path;

/**
 * What a demo run did.
 *
 * @param out the run's folder
 * @param model the demo's model, trained in {@code out}: from ImageNet weights by default
 * @param scratch the same data, split, seed and epochs from random weights, in {@code
 *     out/scratch}; null when not compared
 * @param seconds wall time of the whole demo
 */
public record DemoResult(Path out, DemoTraining model, DemoTraining scratch, double seconds) {}
