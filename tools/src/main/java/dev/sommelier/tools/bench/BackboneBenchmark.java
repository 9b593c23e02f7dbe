package dev.sommelier.tools.bench;

import dev.sommelier.backbones.Backbone;
import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.core.MixedPrecision;
import dev.sommelier.core.ModelRuntime;
import dev.sommelier.core.ModelVariable;
import dev.sommelier.core.Precision;
import dev.sommelier.core.Tensors;
import dev.sommelier.core.layers.Activation;
import dev.sommelier.core.layers.FrozenWeights;
import dev.sommelier.core.layers.LayerGraph;
import dev.sommelier.core.layers.LayerInfo;
import dev.sommelier.core.train.Sgd;
import dev.sommelier.core.train.TrainingStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Measures backbones against this machine's float32 ceiling: first the MatMul rate, then for each
 * backbone the forward throughput (backbone alone) and the training throughput (backbone plus a
 * throw-away pooling + dense head, one SGD step on every trainable variable per run), both on one
 * seeded random batch fed again at every run.
 */
public final class BackboneBenchmark {

  /** Side of the square matrices of the ceiling measurement. */
  public static final int MATMUL_SIZE = 2048;

  private static final Logger LOG = LoggerFactory.getLogger(BackboneBenchmark.class);
  private static final long INPUT_SEED = 42;
  private static final int HEAD_UNITS = 10;
  private static final String HEAD = "bench_dense";
  private static final float LEARNING_RATE = 1e-6f;

  private final BenchSettings settings;
  private final BackboneRegistry registry;

  /** A benchmark with these settings over the backbones of {@code registry}. */
  public BackboneBenchmark(BenchSettings settings, BackboneRegistry registry) {
    this.settings = settings;
    this.registry = registry;
  }

  /**
   * Measures the ceiling, then each backbone in turn.
   *
   * @param backbones names with options, e.g. {@code resnet50} or {@code mobilenet_v1:alpha=0.5}
   * @throws IllegalArgumentException for an unknown backbone or an input size it does not accept,
   *     before anything is measured
   */
  public BenchReport run(List<String> backbones) {
    List<Backbone> built = backbones.stream()
        .map(name -> registry.create(name, settings.inputSize()))
        .toList();
    double matmul = MatmulCeiling.gflops(
        settings.device(), MATMUL_SIZE, settings.warmup(), settings.matmulRuns());
    boolean bf16 = settings.precisions().stream().anyMatch(
        p -> MixedPrecision.resolve(p, settings.device()).computeType().equals("bfloat16"));
    Double bf16Matmul = bf16 ? MatmulCeiling.bf16Gflops(
        settings.device(), MATMUL_SIZE, settings.warmup(), settings.matmulRuns()) : null;
    List<BackboneResult> results = new ArrayList<>();
    try (TFloat32 batch = randomBatch();
        EndToEndTraining files =
            settings.endToEndImages() > 0 ? EndToEndTraining.prepare(settings) : null) {
      for (Backbone backbone : built) {
        for (Precision precision : settings.precisions()) {
          BackboneResult r = measure(backbone, precision, batch, matmul);
          if (files != null) {
            String name = backbone.spec().qualifiedName();
            LOG.info("{} {}: end-to-end training from {} image files", name, r.precision(),
                settings.endToEndImages());
            r = r.withEndToEnd(files.imagesPerSecond(name, precision));
          }
          results.add(r);
        }
      }
    }
    return new BenchReport(settings.device().toString(), MATMUL_SIZE, matmul, bf16Matmul,
        BenchReport.FLOP_CONVENTION, results);
  }

  private BackboneResult measure(
      Backbone backbone, Precision precision, TFloat32 batch, double matmulGflops) {
    String name = backbone.spec().qualifiedName();
    int size = settings.inputSize();
    PeakMemory.reset();
    try (ModelRuntime rt = ModelRuntime.open(settings.device(), 1, precision)) {
      LayerGraph g = LayerGraph.inference(rt);
      Placeholder<TFloat32> in = g.input("input_1", size, size, 3);
      Operand<TFloat32> features = backbone.build(g, in);
      long flops = g.layers().stream().mapToLong(LayerInfo::flops).sum();
      TrainingStep step = trainingStep(rt, g, features, v -> true);
      TrainingStep headStep = trainingStep(rt, g, features, v -> v.layer().equals(HEAD));
      Session session = rt.session();

      LOG.info("{}: forward, {} warm-up + {} timed runs of batch {}",
          name, settings.warmup(), settings.forwardRuns(), settings.batch());
      double forwardSeconds = Timing.secondsPerRun(settings.warmup(), settings.forwardRuns(),
          () -> {
            try (Result ignored = session.runner().feed(in, batch).addTarget(features).run()) {
              // only the time counts
            }
          });
      LOG.info("{}: forward+backward, {} warm-up + {} timed runs of batch {}",
          name, settings.warmup(), settings.trainRuns(), settings.batch());
      double trainSeconds = Timing.secondsPerRun(settings.warmup(), settings.trainRuns(),
          () -> {
            try (Result ignored = session.runner().feed(in, batch)
                .addTarget(step.target()).fetch(step.loss()).run()) {
              // the loss is fetched so the step is a real training step; its value is not needed
            }
          });
      double headSeconds;
      try (Result computed = session.runner().feed(in, batch).fetch(features).run()) {
        Tensor cached = computed.get(0);
        headSeconds = Timing.secondsPerRun(settings.warmup(), settings.trainRuns(),
            () -> {
              try (Result ignored = session.runner().feed(features, cached)
                  .addTarget(headStep.target()).fetch(headStep.loss()).run()) {
                // the backbone does not run: its output is fed
              }
            });
      }
      double frozenSeconds = frozenForwardSeconds(backbone, g, precision, batch);
      BackboneResult r = BackboneResult.of(name, rt.precision().computeType(), settings,
          settings.batch() / forwardSeconds, settings.batch() / frozenSeconds,
          settings.batch() / trainSeconds, settings.batch() / headSeconds, flops, matmulGflops,
          PeakMemory.bytes());
      LOG.info(String.format(Locale.ROOT,
          "%s %s: forward %.1f img/s (%.1f GFLOP/s, %.0f%% of MatMul), "
              + "train %.1f img/s (%.1f GFLOP/s, %.0f%% of MatMul)",
          name, r.precision(), r.forwardImagesPerSecond(), r.forwardGflops(), 100 * r.forwardRatio(),
          r.trainImagesPerSecond(), r.trainGflops(), 100 * r.trainRatio()));
      return r;
    }
  }

  /**
   * Seconds per forward run of the backbone in a frozen graph (what predict and explain run):
   * {@code source}'s weights as constants, in a runtime of its own.
   */
  private double frozenForwardSeconds(
      Backbone backbone, LayerGraph source, Precision precision, TFloat32 batch) {
    FrozenWeights weights = FrozenWeights.read(source);
    int size = settings.inputSize();
    try (ModelRuntime rt = ModelRuntime.open(settings.device(), 1, precision)) {
      LayerGraph g = LayerGraph.frozen(rt, weights);
      Placeholder<TFloat32> in = g.input("input_1", size, size, 3);
      Operand<TFloat32> features = backbone.build(g, in);
      Session session = rt.session();
      LOG.info("{}: frozen forward, {} warm-up + {} timed runs of batch {}",
          backbone.spec().qualifiedName(), settings.warmup(), settings.forwardRuns(),
          settings.batch());
      return Timing.secondsPerRun(settings.warmup(), settings.forwardRuns(),
          () -> {
            try (Result ignored = session.runner().feed(in, batch).addTarget(features).run()) {
              // only the time counts
            }
          });
    }
  }

  /**
   * A throw-away head (pooling, dense; built once) and one SGD step on the trainable variables
   * that {@code trained} selects.
   */
  private static TrainingStep trainingStep(
      ModelRuntime rt, LayerGraph g, Operand<TFloat32> features, Predicate<ModelVariable> trained) {
    if (!g.has(HEAD)) {
      Operand<TFloat32> pooled = g.globalAveragePooling("bench_gap", features);
      g.dense(HEAD, pooled, HEAD_UNITS, Activation.LINEAR);
    }
    Ops tf = rt.ops().withSubScope("bench_loss");
    Operand<TFloat32> out = g.output(HEAD);
    Operand<TFloat32> loss = tf.math.mean(tf.math.square(out), tf.constant(new int[] {0, 1}));
    return TrainingStep.build(
        rt, loss, rt.variables().trainable(trained), List.of(), new Sgd(), LEARNING_RATE);
  }

  /** One seeded batch of uniform values in [-1, 1), filled once and fed at every run. */
  private TFloat32 randomBatch() {
    int size = settings.inputSize();
    Shape shape = Shape.of(settings.batch(), size, size, 3);
    float[] values = new float[Math.toIntExact(shape.size())];
    Random random = new Random(INPUT_SEED);
    for (int i = 0; i < values.length; i++) {
      values[i] = 2 * random.nextFloat() - 1;
    }
    return Tensors.of(shape, values);
  }
}
