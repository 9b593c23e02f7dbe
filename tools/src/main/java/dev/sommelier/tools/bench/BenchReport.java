package dev.sommelier.tools.bench;

import java.util.List;

/**
 * A whole benchmark run: the machine's ceiling and each backbone measured against it.
 *
 * @param device the device every graph ran on
 * @param matmulSize side of the square float32 matrices of the ceiling measurement
 * @param matmulGflops the ceiling, in 10^9 FLOP/s
 * @param bf16MatmulGflops the same product computed in bfloat16 (float32 variables cast), where
 *     mixed precision is measured and the device has bfloat16; null otherwise
 * @param flopConvention how training FLOPs are counted
 * @param backbones one result per backbone, in the order asked for
 */
public record BenchReport(
    String device,
    int matmulSize,
    double matmulGflops,
    Double bf16MatmulGflops,
    String flopConvention,
    List<BackboneResult> backbones) {

  /** The convention every result's training FLOPs follow. */
  public static final String FLOP_CONVENTION =
      "forward FLOPs from conv/depthwise/dense layers (multiply-add = 2); backward = "
          + BackboneResult.BACKWARD_FACTOR + " x forward, so a training step = "
          + (1 + BackboneResult.BACKWARD_FACTOR) + " x forward";

  public BenchReport {
    backbones = List.copyOf(backbones);
  }
}
