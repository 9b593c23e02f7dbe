package dev.sommelier.tools.bench;

import dev.sommelier.core.Device;
import dev.sommelier.core.Precision;
import java.util.List;

/**
 * What one benchmark run measures with.
 *
 * @param device where every graph runs
 * @param inputSize square input size of every backbone, in pixels
 * @param batch images per session run
 * @param warmup untimed runs before each timed series (graph optimisation, allocator growth)
 * @param forwardRuns timed forward runs per backbone
 * @param trainRuns timed forward+backward runs per backbone
 * @param precisions each backbone is measured once per precision, in this order
 * @param endToEndImages drawn image files that {@code train} reads for the end-to-end rate; 0
 *     skips that measurement
 * @param matmulRuns timed runs of the MatMul ceiling (each well under a second, so more of them
 *     than of the backbones keep host noise down)
 */
public record BenchSettings(
    Device device, int inputSize, int batch, int warmup, int forwardRuns, int trainRuns,
    int matmulRuns, List<Precision> precisions, int endToEndImages) {

  public BenchSettings {
    if (precisions.isEmpty()) {
      throw new IllegalArgumentException("at least one precision is needed");
    }
    precisions = List.copyOf(precisions);
    requireAtLeast("input size", inputSize, 1);
    requireAtLeast("batch", batch, 1);
    requireAtLeast("warm-up runs", warmup, 1);
    requireAtLeast("forward runs", forwardRuns, 1);
    requireAtLeast("training runs", trainRuns, 1);
    requireAtLeast("MatMul runs", matmulRuns, 1);
    requireAtLeast("end-to-end images", endToEndImages, 0);
  }

  private static void requireAtLeast(String what, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(what + " must be at least " + min + ", got " + value);
    }
  }
}
