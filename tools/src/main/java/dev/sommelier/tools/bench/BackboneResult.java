package dev.sommelier.tools.bench;

import java.util.OptionalLong;

/**
 * What one backbone achieved. Training FLOPs count the backward pass as twice the forward pass,
 * so one training image costs {@code 3 * flopsPerImage}.
 *
 * @param name backbone with its options, as the registry takes it
 * @param precision what the graph computed in: {@code float32}, or {@code bfloat16} /
 *     {@code float16} under mixed precision
 * @param inputSize square input size in pixels
 * @param batch images per session run
 * @param forwardImagesPerSecond images per second through the backbone alone
 * @param frozenForwardImagesPerSecond the same through a frozen graph of the backbone (constant
 *     weights), as predict and explain run it
 * @param trainImagesPerSecond images per second through a full SGD step (forward, backward,
 *     update)
 * @param flopsPerImage forward FLOPs of one image through the backbone, counted from the graph's
 *     conv, depthwise and dense layers, a multiply-add counted as two (the benchmark's tiny
 *     training head is left out)
 * @param forwardGflops achieved forward rate, in 10^9 FLOP/s
 * @param trainGflops achieved training rate, in 10^9 FLOP/s
 * @param matmulGflops this machine's float32 matrix-multiply rate, measured in the same run
 * @param forwardRatio {@code forwardGflops / matmulGflops}
 * @param trainRatio {@code trainGflops / matmulGflops}
 * @param headOnlyImagesPerSecond images per second of a head-only SGD step fed with backbone
 *     features computed once (what every epoch after the first costs when only the head trains)
 * @param peakResidentBytes the process's peak resident memory while this backbone was built and
 *     measured (reset before it), or null where the system does not report it
 * @param endToEndTrainImagesPerSecond images per second of {@code train} reading image files
 *     with its pipeline on (every layer trained), or null when not measured
 */
public record BackboneResult(
    String name,
    String precision,
    int inputSize,
    int batch,
    double forwardImagesPerSecond,
    double frozenForwardImagesPerSecond,
    double trainImagesPerSecond,
    long flopsPerImage,
    double forwardGflops,
    double trainGflops,
    double matmulGflops,
    double forwardRatio,
    double trainRatio,
    double headOnlyImagesPerSecond,
    Long peakResidentBytes,
    Double endToEndTrainImagesPerSecond) {

  /** Backward FLOPs per forward FLOP, the usual convention (gradients of inputs and weights). */
  public static final int BACKWARD_FACTOR = 2;

  /** Derives the rates and ratios from the measured throughputs. */
  static BackboneResult of(
      String name,
      String precision,
      BenchSettings settings,
      double forwardImagesPerSecond,
      double frozenForwardImagesPerSecond,
      double trainImagesPerSecond,
      double headOnlyImagesPerSecond,
      long flopsPerImage,
      double matmulGflops,
      OptionalLong peakResidentBytes) {
    double forwardGflops = forwardImagesPerSecond * flopsPerImage / 1e9;
    double trainGflops = trainImagesPerSecond * flopsPerImage * (1 + BACKWARD_FACTOR) / 1e9;
    return new BackboneResult(
        name,
        precision,
        settings.inputSize(),
        settings.batch(),
        forwardImagesPerSecond,
        frozenForwardImagesPerSecond,
        trainImagesPerSecond,
        flopsPerImage,
        forwardGflops,
        trainGflops,
        matmulGflops,
        forwardGflops / matmulGflops,
        trainGflops / matmulGflops,
        headOnlyImagesPerSecond,
        peakResidentBytes.isPresent() ? peakResidentBytes.getAsLong() : null,
        null);
  }

  /** This result with the end-to-end training rate. */
  BackboneResult withEndToEnd(double imagesPerSecond) {
    return new BackboneResult(name, precision, inputSize, batch, forwardImagesPerSecond,
        frozenForwardImagesPerSecond, trainImagesPerSecond, flopsPerImage, forwardGflops, trainGflops, matmulGflops,
        forwardRatio, trainRatio, headOnlyImagesPerSecond, peakResidentBytes, imagesPerSecond);
  }
}
