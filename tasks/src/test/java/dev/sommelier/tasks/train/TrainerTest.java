package dev.sommelier.tasks.train;

import dev.sommelier.heads.OutputFunction;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.backbones.Preprocessing;
import dev.sommelier.core.Device;
import dev.sommelier.core.layers.BatchNormMode;
import dev.sommelier.heads.HeadSpec;
import dev.sommelier.heads.Pooling;
import dev.sommelier.tasks.model.ModelConfig;
import dev.sommelier.tasks.model.ModelStore;
import dev.sommelier.tasks.model.TaskModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {

  private static final int SIZE = 16;
  private static final BackboneRegistry REGISTRY = BackboneRegistry.load();

  @TempDir Path tmp;

  private static TaskModel mlp(float dropout) {
    HeadSpec head = HeadSpec.mlp(List.of(32), dropout, 2, OutputFunction.SOFTMAX);
    return TaskModel.create(
        new ModelConfig("pixels", SIZE, head, List.of("horizontal", "vertical"), BatchNormMode.FROZEN, 7),
        REGISTRY, Device.CPU);
  }

  private static float[] preprocessed(DrawnArrays d) {
    float[] px = d.images.clone();
    Preprocessing.UNIT.applyInPlace(px);
    return px;
  }

  private static double accuracy(TaskModel m, DrawnArrays test) {
    float[] p = m.predict(preprocessed(test), test.n);
    int right = 0;
    for (int i = 0; i < test.n; i++) {
      int predicted = p[i * 2 + 1] > p[i * 2] ? 1 : 0;
      right += test.targets[i * 2 + predicted] == 1 ? 1 : 0;
    }
    return right / (double) test.n;
  }

  private static TrainingConfig adam(int epochs) {
    return new TrainingConfig(
        List.of(new TrainingPhase(TrainScope.ALL, OptimizerKind.ADAM, 0.01f, epochs)),
        new LearningRateSchedule.Constant(), 0, true);
  }

  @Test
  void theMlpBaselineLearnsLinesFromRawPixels() {
    DrawnArrays train = DrawnArrays.lines(240, SIZE, 1);
    DrawnArrays test = DrawnArrays.lines(100, SIZE, 2);
    try (TaskModel m = mlp(0.2f)) {
      List<EpochResult> h =
          new Trainer(m, adam(8)).fit(
              new ArrayBatchSource(preprocessed(train), train.targets, train.n, 16, true, 3),
              new ArrayBatchSource(preprocessed(test), test.targets, test.n, 50, false, 0),
              tmp);
      assertEquals(8, h.size());
      assertTrue(h.get(7).loss() < h.get(0).loss(), "loss falls: " + h);
      assertTrue(accuracy(m, test) >= 0.9, "test accuracy " + accuracy(m, test));
      assertTrue(Files.isRegularFile(tmp.resolve("checkpoints/last/variables.index")));
      assertTrue(Files.isRegularFile(tmp.resolve("checkpoints/best/training-state.json")));
    }
  }

  @Test
  void aRunKilledAfterACheckpointResumesToTheSameResult() {
    DrawnArrays train = DrawnArrays.lines(64, SIZE, 4);
    ArrayBatchSource source = new ArrayBatchSource(preprocessed(train), train.targets, train.n, 16, true, 5);
    float[] uninterrupted;
    try (TaskModel m = mlp(0f)) {
      new Trainer(m, adam(4)).fit(source, null, tmp.resolve("a"));
      uninterrupted = m.predict(preprocessed(train), train.n);
    }
    Path out = tmp.resolve("b");
    try (TaskModel m = mlp(0f)) {
      Trainer t = new Trainer(m, adam(4)).listen(new TrainingListener() {
        @Override
        public void onEpochEnd(TrainingRun run, EpochResult r) {
          if (r.epoch() == 2) {
            throw new IllegalStateException("killed");
          }
        }
      });
      assertThrows(IllegalStateException.class, () -> t.fit(source, null, out));
    }
    try (TaskModel m = mlp(0f)) {
      List<EpochResult> h = new Trainer(m, adam(4)).fit(source, null, out);
      assertEquals(List.of(1, 2, 3, 4), h.stream().map(EpochResult::epoch).toList());
      assertArrayEquals(uninterrupted, m.predict(preprocessed(train), train.n), 0f);
    }
  }

  @Test
  void aRunThatStoppedEarlyStaysStoppedWhenStartedAgain() {
    DrawnArrays train = DrawnArrays.lines(32, SIZE, 4);
    ArrayBatchSource source = new ArrayBatchSource(preprocessed(train), train.targets, train.n, 16, true, 5);
    // All-zero targets make every validation loss exactly 0: no epoch improves on the first.
    ArrayBatchSource flat = new ArrayBatchSource(preprocessed(train), new float[train.n * 2], train.n, 16, false, 0);
    TrainingConfig patient = new TrainingConfig(
        List.of(new TrainingPhase(TrainScope.ALL, OptimizerKind.ADAM, 0.01f, 6)),
        new LearningRateSchedule.Constant(), 1, true);
    try (TaskModel m = mlp(0f)) {
      assertEquals(2, new Trainer(m, patient).fit(source, flat, tmp).size());
    }
    try (TaskModel m = mlp(0f)) {
      List<Integer> batches = new java.util.ArrayList<>();
      Trainer again = new Trainer(m, patient).listen(new TrainingListener() {
        @Override
        public void onBatchEnd(TrainingRun run, BatchEnd b) {
          batches.add(b.epoch());
        }
      });
      assertEquals(2, again.fit(source, flat, tmp).size());
      assertEquals(List.of(), batches);
    }
  }

  @Test
  void aReloadedModelPredictsExactlyWhatItDidBeforeSaving() {
    DrawnArrays train = DrawnArrays.lines(48, SIZE, 6);
    float[] before;
    try (TaskModel m = mlp(0.5f)) {
      new Trainer(m, adam(2)).fit(
          new ArrayBatchSource(preprocessed(train), train.targets, train.n, 16, true, 1), null, tmp);
      before = m.predict(preprocessed(train), train.n);
      ModelStore.save(m, tmp.resolve("model"), Map.of("note", "test"));
    }
    try (TaskModel m = ModelStore.load(tmp.resolve("model"), REGISTRY, Device.CPU)) {
      assertEquals(List.of("horizontal", "vertical"), m.config().classes());
      assertArrayEquals(before, m.predict(preprocessed(train), train.n), 0f);
    }
  }

  @Test
  void aRegressorLearnsRanksFromBarLengths() {
    DrawnArrays train = DrawnArrays.bars(300, SIZE, 5, 8);
    DrawnArrays test = DrawnArrays.bars(100, SIZE, 5, 9);
    HeadSpec head = HeadSpec.regressor(8, Pooling.FLATTEN);
    try (TaskModel m = TaskModel.create(
        new ModelConfig("pixels", SIZE, head, List.of(), BatchNormMode.FROZEN, 3), REGISTRY, Device.CPU)) {
      new Trainer(m, adam(25)).fit(
          new ArrayBatchSource(preprocessed(train), train.targets, train.n, 20, true, 2), null, tmp);
      float[] p = m.predict(preprocessed(test), test.n);
      double mae = 0;
      for (int i = 0; i < test.n; i++) {
        mae += Math.abs(p[i] - test.targets[i]);
      }
      mae /= test.n;
      assertTrue(mae < 0.5, "test MAE " + mae);
    }
  }
}
