package dev.sommelier.tasks.train;

import dev.sommelier.tasks.model.RunningMetric;
import dev.sommelier.tasks.model.TaskModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the phases of a {@link TrainingConfig} on a {@link TaskModel}: one {@code session.run} per
 * step, validation after each epoch, the last and best checkpoints written atomically under
 * {@code checkpoints/}, and resume from the last one after a crash. Head-only phases on repeatable
 * data compute each image's backbone features once and reuse them across epochs. When batch norm
 * trains, its moving statistics are recomputed before each validation ({@link PreciseBatchNorm}).
 */
public final class Trainer {

  private final TaskModel model;
  private final TrainingConfig config;
  private final TrainingGraph graph;
  private final PreciseBatchNorm preciseBn;
  private final List<TrainingListener> listeners = new ArrayList<>();
  private FeatureStore featureStore;
  private String featureKey;

  /** Builds the training graph for every phase of {@code config}. */
  public Trainer(TaskModel model, TrainingConfig config) {
    this.model = model;
    this.config = config;
    this.graph = TrainingGraph.build(model, config.phases());
    this.preciseBn = new PreciseBatchNorm(
        graph.batchNormRecalibration(), config.phases(), config.preciseBnImages());
    if (config.earlyStoppingPatience() > 0) {
      listeners.add(new EarlyStopping(config.earlyStoppingPatience()));
    }
  }

  /** Adds a listener (progress, logs, an application's own). */
  public Trainer listen(TrainingListener listener) {
    listeners.add(listener);
    return this;
  }

  /**
   * Keeps the backbone features of head-only phases in {@code store} under {@code key}, and
   * takes them from there when another run already computed them.
   */
  public Trainer shareFeatures(FeatureStore store, String key) {
    this.featureStore = store;
    this.featureKey = key;
    return this;
  }

  /**
   * Trains, resuming from {@code checkpoints/last} under {@code outDir} when it exists.
   *
   * @param validation may be null
   * @return every epoch's numbers, including those run before a resume
   */
  public List<EpochResult> fit(BatchSource train, BatchSource validation, Path outDir) {
    EpochCheckpoints checkpoints = new EpochCheckpoints(outDir);
    TrainingRun run = new TrainingRun(model, config, Monitor.LOSS, checkpoints.resume(model));
    // Checkpoints first: a listener that ends the process finds this epoch saved.
    List<TrainingListener> hooks = new ArrayList<>(List.of(checkpoints));
    hooks.addAll(listeners);
    hooks.forEach(l -> l.onTrainingStart(run));
    int epoch = run.history().size();
    int phaseStart = 0;
    for (int p = 0; p < config.phases().size() && !run.stopRequested(); p++) {
      TrainingPhase phase = config.phases().get(p);
      CachedFeatures cached = null;
      for (int e = 0; e < phase.epochs() && !run.stopRequested(); e++) {
        int global = phaseStart + e;
        if (global < epoch) {
          continue;
        }
        if (cached == null && phase.scope().headOnly() && config.cacheFeatures() && train.repeatable()) {
          cached = featureStore == null ? CachedFeatures.compute(model, train)
              : CachedFeatures.shared(model, train, featureStore, featureKey);
        }
        float lr = config.schedule().rate(
            e, phase.epochs(), phase.learningRate(), phaseHistory(run, p), run.monitor());
        graph.setLearningRate(p, lr);
        EpochResult r = runEpoch(run, hooks, p, global + 1, lr,
            (cached != null ? cached : train).epoch(global), cached != null, train, validation);
        run.add(r);
        for (TrainingListener l : hooks) {
          l.onEpochEnd(run, r);
        }
        epoch = global + 1;
      }
      phaseStart += phase.epochs();
    }
    hooks.forEach(l -> l.onTrainingEnd(run));
    return run.history();
  }

  private EpochResult runEpoch(TrainingRun run, List<TrainingListener> hooks, int phase,
      int epoch, float lr, Iterable<LabeledBatch> batches, boolean features, BatchSource train,
      BatchSource validation) {
    long start = System.nanoTime();
    int steps = steps(train);
    double lossSum = 0;
    RunningMetric metric = model.config().output().metric();
    int step = 0;
    int images = 0;
    for (LabeledBatch b : batches) {
      TrainingGraph.StepResult r = graph.step(phase, b.inputs(), features, b.targets(), b.n());
      lossSum += r.loss() * b.n();
      images += b.n();
      metric.add(r.predictions(), b.targets(), b.n());
      step++;
      BatchEnd end = new BatchEnd(epoch, step, Math.max(step, steps), r.loss(), b.n());
      for (TrainingListener l : hooks) {
        l.onBatchEnd(run, end);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    preciseBn.afterEpoch(phase, train);
    double valLoss = Double.NaN;
    double valMetric = Double.NaN;
    if (validation != null && validation.size() > 0) {
      RunningMetric vm = model.config().output().metric();
      double vl = 0;
      for (LabeledBatch b : validation.epoch(0)) {
        TrainingGraph.StepResult r = graph.evaluate(b.inputs(), b.targets(), b.n());
        vl += r.loss() * b.n();
        vm.add(r.predictions(), b.targets(), b.n());
      }
      valLoss = vl / vm.count();
      valMetric = vm.value();
    }
    return new EpochResult(epoch, phase, lr, lossSum / Math.max(1, images), metric.value(),
        valLoss, valMetric, seconds, images / Math.max(seconds, 1e-9));
  }

  private static int steps(BatchSource source) {
    return Math.max(1, (source.size() + source.batchSize() - 1) / source.batchSize());
  }

  private static List<EpochResult> phaseHistory(TrainingRun run, int phase) {
    return run.history().stream().filter(r -> r.phase() == phase).toList();
  }
}
