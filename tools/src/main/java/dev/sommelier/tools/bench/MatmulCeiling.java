package dev.sommelier.tools.bench;

import dev.sommelier.core.Device;
import dev.sommelier.core.Initializer;
import dev.sommelier.core.ModelRuntime;
import dev.sommelier.core.ModelVariable;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBfloat16;

/**
 * This machine's float32 ceiling: the rate of one square MatMul of two variables, run as a
 * target so that no output is copied. Variables (not constants) keep graph optimisation from
 * folding the product away.
 */
final class MatmulCeiling {

  private static final Logger LOG = LoggerFactory.getLogger(MatmulCeiling.class);

  private MatmulCeiling() {}

  /** Measured rate of an {@code n x n} by {@code n x n} float32 product, in 10^9 FLOP/s. */
  static double gflops(Device device, int n, int warmup, int runs) {
    return gflops(device, n, warmup, runs, false);
  }

  /**
   * Measured rate of the same product with both factors cast to bfloat16 first (the casts of two
   * {@code n x n} matrices are part of the time; at n = 2048 they are about 0.1 % of the
   * multiply-adds).
   */
  static double bf16Gflops(Device device, int n, int warmup, int runs) {
    return gflops(device, n, warmup, runs, true);
  }

  private static double gflops(Device device, int n, int warmup, int runs, boolean bf16) {
    try (ModelRuntime rt = ModelRuntime.open(device, 1)) {
      Shape shape = Shape.of(n, n);
      Initializer init = new Initializer.GlorotUniform(n, n);
      ModelVariable a = rt.variables().getOrCreate("bench_matmul", "a", shape, init, false);
      ModelVariable b = rt.variables().getOrCreate("bench_matmul", "b", shape, init, false);
      Ops tf = rt.ops().withSubScope("bench_matmul");
      Operand<?> product = bf16
          ? tf.linalg.matMul(tf.dtypes.cast(a.read(), TBfloat16.class),
              tf.dtypes.cast(b.read(), TBfloat16.class))
          : tf.linalg.matMul(a.read(), b.read());
      Session session = rt.session();
      double seconds =
          Timing.secondsPerRun(
              warmup,
              runs,
              () -> {
                try (Result ignored = session.runner().addTarget(product).run()) {
                  // the product stays in the graph; only its time counts
                }
              });
      double gflops = 2.0 * n * n * (double) n / seconds / 1e9;
      LOG.info(String.format(Locale.ROOT, "MatMul %dx%d %s on %s: %.4f s per run, %.1f GFLOP/s",
          n, n, bf16 ? "bfloat16" : "float32", device, seconds, gflops));
      return gflops;
    }
  }
}
