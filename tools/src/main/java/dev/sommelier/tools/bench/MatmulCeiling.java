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
import org.tensorflow.types.TFloat32;

/**
 * This machine's float32 ceiling: the rate of one square MatMul of two variables, run as a
 * target so that no output is copied. Variables (not constants) keep graph optimisation from
 * folding the product away.
 */
final class MatmulCeiling {

  private static final Logger LOG = LoggerFactory.getLogger(MatmulCeiling.class);

  private MatmulCeiling() {}

  /** Measured rate of an {@code n x n} by {@code n x n} product, in 10^9 FLOP/s. */
  static double gflops(Device device, int n, int warmup, int runs) {
    try (ModelRuntime rt = ModelRuntime.open(device, 1)) {
      Shape shape = Shape.of(n, n);
      Initializer init = new Initializer.GlorotUniform(n, n);
      ModelVariable a = rt.variables().getOrCreate("bench_matmul", "a", shape, init, false);
      ModelVariable b = rt.variables().getOrCreate("bench_matmul", "b", shape, init, false);
      Operand<TFloat32> product =
          rt.ops().withSubScope("bench_matmul").linalg.matMul(a.read(), b.read());
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
      LOG.info(String.format(Locale.ROOT, "MatMul %dx%d float32 on %s: %.4f s per run, %.1f GFLOP/s",
          n, n, device, seconds, gflops));
      return gflops;
    }
  }
}
