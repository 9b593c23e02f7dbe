package dev.sommelier.spark;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.core.Device;
import dev.sommelier.core.Precision;
import dev.sommelier.tasks.model.ModelStore;
import dev.sommelier.tasks.model.TaskModel;
import dev.sommelier.tasks.predict.Predictor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models of one executor JVM: each model directory is loaded once, on the first task that
 * needs it, and then shared by every later task and task thread of the JVM (a {@link Predictor}
 * is safe to share). Loading per row or per partition would cost a graph build and a checkpoint
 * read each time, and native memory that grows with the partitions. The models live as long as
 * the JVM; their native memory goes with it.
 */
final class ExecutorModels {

  private static final Logger LOG = LoggerFactory.getLogger(ExecutorModels.class);
  private static final Map<String, Loaded> MODELS = new ConcurrentHashMap<>();

  /**
   * A loaded model and its backbone's fingerprint.
   *
   * @param predictor the model
   * @param fingerprint {@link WeightsFingerprint} of its backbone
   */
  record Loaded(Predictor predictor, String fingerprint) {}

  private ExecutorModels() {}

  /** The model in {@code dir}, loaded on first use in this JVM. */
  static Loaded get(String dir) {
    return MODELS.computeIfAbsent(dir, ExecutorModels::load);
  }

  /**
   * Reads the model with its variables (what the fingerprint reads, as the trainer does), then
   * answers with its frozen inference graph, as {@code sommelier predict} does.
   */
  private static Loaded load(String dir) {
    long start = System.nanoTime();
    Loaded loaded;
    try (TaskModel variables =
        ModelStore.load(ModelDirs.local(dir), BackboneRegistry.load(), Device.CPU)) {
      loaded = new Loaded(new Predictor(variables.frozen(Precision.FP32)),
          WeightsFingerprint.of(variables));
    }
    LOG.info("loaded the model {} in this executor in {} ms", dir,
        (System.nanoTime() - start) / 1_000_000);
    return loaded;
  }
}
