package dev.sommelier.tools.demo;

import dev.sommelier.tasks.jobs.explain.ExplainResult;
import dev.sommelier.tasks.jobs.train.TrainResult;
import java.nio.file.Path;

/**
 * One model the demo trained: its training run, the Grad-CAM maps of the fresh images and its
 * report.
 *
 * @param start where the backbone's weights started ({@code imagenet}, {@code none}, a file)
 * @param train the training run (settings, data, epochs, evaluation of the test part)
 * @param explain the Grad-CAM maps of the fresh images
 * @param peaksOnLogo how many fresh images have the map's peak inside their logo's box (-1 for
 *     regression)
 * @param report the run's HTML report
 * @param seconds wall time of training, explaining and the report
 */
public record DemoTraining(String start, TrainResult train, ExplainResult explain,
    int peaksOnLogo, Path report, double seconds) {}
