package dev.sommelier.tools.demo;

import dev.sommelier.tasks.explain.job.ExplainResult;
import dev.sommelier.tasks.job.TrainResult;
import java.nio.file.Path;

/**
 * What a demo run did.
 *
 * @param out the run's folder
 * @param train the training run (data, epochs, evaluation of the test part)
 * @param explain the Grad-CAM maps of the fresh images
 * @param peaksOnLogo how many fresh images have the map's peak inside their logo's box (-1 for
 *     regression)
 * @param report the run's HTML report
 * @param seconds wall time of the whole demo
 */
public record DemoResult(Path out, TrainResult train, ExplainResult explain, int peaksOnLogo,
    Path report, double seconds) {}
