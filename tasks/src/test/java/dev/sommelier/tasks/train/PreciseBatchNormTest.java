package dev.sommelier.tasks.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.backbones.Preprocessing;
import dev.sommelier.core.Device;
import dev.sommelier.core.ModelRuntime;
import dev.sommelier.core.ModelVariable;
import dev.sommelier.core.layers.BatchNormMode;
import dev.sommelier.core.layers.BatchNormRecalibration;
import dev.sommelier.core.layers.LayerGraph;
import dev.sommelier.heads.HeadSpec;
import dev.sommelier.heads.Pooling;
import dev.sommelier.tasks.model.ModelConfig;
import dev.sommelier.tasks.model.TaskModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Batch norm's statistics recomputed before validation, on a small MobileNet trained from scratch
 * at a high rate on drawn lines, where the moving averages of the training steps trail the weights.
 */
class PreciseBatchNormTest {

  private static final int SIZE = 32;
  private static final int OFF = 0;
  private static final int ON = TrainingConfig.DEFAULT_PRECISE_BN_IMAGES;

  @TempDir Path tmp;

  private static TaskModel mobilenet(BatchNormMode batchNorm, float dropout) {
    return TaskModel.create(
        new ModelConfig("mobilenet_v1:alpha=0.25", SIZE, HeadSpec.softmax(2, Pooling.GAP, dropout),
            List.of("horizontal", "vertical"), batchNorm, 11),
        BackboneRegistry.load(), Device.CPU);
  }

  private static ArrayBatchSource lines(int n, long seed, boolean shuffle) {
    DrawnArrays d = DrawnArrays.lines(n, SIZE, seed);
    float[] px = d.images.clone();
    Preprocessing.TF.applyInPlace(px);
    return new ArrayBatchSource(px, d.targets, n, 16, shuffle, 4);
  }

  private static TrainingConfig adam(TrainScope scope, int epochs, int preciseBnImages) {
    return new TrainingConfig(
        List.of(new TrainingPhase(scope, OptimizerKind.ADAM, 0.01f, epochs)),
        new LearningRateSchedule.Constant(), 0, true, preciseBnImages);
  }

  /** Trains from scratch; returns the epochs, the trained weights and the moving statistics. */
  private static Run fromScratch(int preciseBnImages, Path out) {
    try (TaskModel m = mobilenet(BatchNormMode.TRAINING, 0.25f)) {
      List<EpochResult> h = new Trainer(m, adam(TrainScope.ALL, 6, preciseBnImages))
          .fit(lines(192, 21, true), lines(96, 22, false), out);
      return new Run(h, values(m, false), values(m, true));
    }
  }

  private record Run(List<EpochResult> epochs, List<float[]> weights, List<float[]> statistics) {
    EpochResult last() {
      return epochs.get(epochs.size() - 1);
    }
  }

  private static List<float[]> values(TaskModel m, boolean statistics) {
    List<ModelVariable> vars = m.runtime().variables().all().stream()
        .filter(v -> v.name().contains("/moving_") == statistics).toList();
    return m.runtime().values(vars);
  }

  private static void assertSame(List<float[]> expected, List<float[]> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), actual.get(i), 0f, "variable " + i);
    }
  }

  @Test
  void validationAccuracyTracksTrainingAccuracyAndTheTrainingStepsStayTheSame() {
    Run on = fromScratch(ON, tmp.resolve("on"));
    assertTrue(on.last().metric() >= 0.75, "the model learns the lines: " + on.epochs());
    assertTrue(Math.abs(on.last().valMetric() - on.last().metric()) <= 0.1,
        "recomputed: " + on.epochs());
    // The moving averages of the same training steps leave validation at chance (measured after
    // 6 epochs: training 0.96, validation 0.48 with the moving averages, 0.97 recomputed).
    Run off = fromScratch(OFF, tmp.resolve("off"));
    assertTrue(off.last().metric() - off.last().valMetric() > 0.2,
        "moving averages: " + off.epochs());
    // Only the moving statistics differ: the steps normalise with batch statistics, and no
    // shuffle or dropout stream drew for the recalibration.
    assertEquals(on.epochs().stream().map(EpochResult::loss).toList(),
        off.epochs().stream().map(EpochResult::loss).toList());
    assertSame(off.weights(), on.weights());
    for (int i = 0; i < on.statistics().size(); i++) {
      assertFalse(Arrays.equals(off.statistics().get(i), on.statistics().get(i)),
          "statistic " + i + " was recomputed");
    }
  }

  @Test
  void aRunWithFrozenBatchNormKeepsItsStatistics() {
    try (TaskModel m = mobilenet(BatchNormMode.FROZEN, 0f)) {
      List<float[]> before = values(m, true);
      new Trainer(m, adam(TrainScope.ALL, 1, ON)).fit(lines(32, 24, true), null, tmp);
      assertSame(before, values(m, true));
    }
  }

  @Test
  void aResumedRunRecomputesWhatAnUninterruptedOneDoes() {
    ArrayBatchSource source = lines(32, 25, true);
    List<float[]> uninterrupted;
    try (TaskModel m = mobilenet(BatchNormMode.TRAINING, 0f)) {
      new Trainer(m, adam(TrainScope.ALL, 2, ON)).fit(source, null, tmp.resolve("a"));
      uninterrupted = m.runtime().values(m.runtime().variables().all());
    }
    Path out = tmp.resolve("b");
    try (TaskModel m = mobilenet(BatchNormMode.TRAINING, 0f)) {
      Trainer t = new Trainer(m, adam(TrainScope.ALL, 2, ON)).listen(new TrainingListener() {
        @Override
        public void onEpochEnd(TrainingRun run, EpochResult r) {
          if (r.epoch() == 1) {
            throw new IllegalStateException("killed");
          }
        }
      });
      assertThrows(IllegalStateException.class, () -> t.fit(source, null, out));
    }
    try (TaskModel m = mobilenet(BatchNormMode.TRAINING, 0f)) {
      new Trainer(m, adam(TrainScope.ALL, 2, ON)).fit(source, null, out);
      assertSame(uninterrupted, m.runtime().values(m.runtime().variables().all()));
    }
  }

  @Test
  void theImagesAreTheFirstOfEpochZerosOrderAsLoadedAndOnlyPhasesThatTrainTheBackboneUseThem() {
    try (ModelRuntime rt = ModelRuntime.open(Device.CPU, 1)) {
      LayerGraph tower = LayerGraph.training(rt, BatchNormMode.TRAINING);
      Placeholder<TFloat32> input = tower.input("image", 2, 2, 3);
      tower.batchNorm("bn", input, 1e-3f, 0.99f);
      List<TrainingPhase> phases = List.of(
          new TrainingPhase(TrainScope.HEAD, OptimizerKind.SGD, 0.1f, 1),
          new TrainingPhase(TrainScope.lastBlocks(1), OptimizerKind.SGD, 0.1f, 1));
      PreciseBatchNorm precise =
          new PreciseBatchNorm(BatchNormRecalibration.of(tower, input), phases, 5);
      float[] images = new float[8 * 12];
      for (int i = 0; i < images.length; i++) {
        images[i] = (i * 37 % 101) / 10f;
      }
      RecordingSource source =
          new RecordingSource(new ArrayBatchSource(images, new float[8], 8, 3, true, 9));
      precise.afterEpoch(0, source);
      assertEquals(List.of(), source.calls, "a head-only phase");
      precise.afterEpoch(1, source);
      int[] first = Arrays.copyOf(source.order(0), 5);
      assertEquals(List.of("plainBatches " + Arrays.toString(first)), source.calls);
      double[] sum = new double[3];
      for (int i : first) {
        for (int p = 0; p < 12; p++) {
          sum[p % 3] += images[i * 12 + p];
        }
      }
      float[] mean = rt.values(List.of(rt.variables().get("bn/moving_mean"))).get(0);
      for (int c = 0; c < 3; c++) {
        assertEquals(sum[c] / 20, mean[c], 1e-5, "channel " + c);
      }
    }
  }

  /** A source that records which batches are asked for. */
  private static final class RecordingSource implements BatchSource {
    private final BatchSource source;
    private final List<String> calls = new ArrayList<>();

    RecordingSource(BatchSource source) {
      this.source = source;
    }

    @Override
    public int[] order(int epoch) {
      return source.order(epoch);
    }

    @Override
    public Iterable<LabeledBatch> batches(int[] order) {
      calls.add("batches " + Arrays.toString(order));
      return source.batches(order);
    }

    @Override
    public Iterable<LabeledBatch> plainBatches(int[] order) {
      calls.add("plainBatches " + Arrays.toString(order));
      return source.plainBatches(order);
    }

    @Override
    public int size() {
      return source.size();
    }

    @Override
    public int batchSize() {
      return source.batchSize();
    }

    @Override
    public boolean repeatable() {
      return source.repeatable();
    }
  }

  @Test
  void aNegativeNumberOfImagesIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> adam(TrainScope.ALL, 1, -1));
  }
}
