package dev.sommelier.tasks.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.backbones.Preprocessing;
import dev.sommelier.core.Device;
import dev.sommelier.core.ModelVariable;
import dev.sommelier.core.layers.BatchNormMode;
import dev.sommelier.heads.HeadSpec;
import dev.sommelier.heads.Pooling;
import dev.sommelier.tasks.model.ModelConfig;
import dev.sommelier.tasks.model.TaskModel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Head-only feature caching and the two-phase recipe, on a small MobileNet. */
class PhasesTest {

  private static final int SIZE = 32;
  @TempDir Path tmp;

  private static TaskModel mobilenet() {
    return TaskModel.create(
        new ModelConfig("mobilenet_v1:alpha=0.25", SIZE, HeadSpec.softmax(2, Pooling.GAP, 0f),
            List.of("horizontal", "vertical"), BatchNormMode.FROZEN, 11),
        BackboneRegistry.load(), Device.CPU);
  }

  private static ArrayBatchSource data(int n) {
    DrawnArrays d = DrawnArrays.lines(n, SIZE, 21);
    float[] px = d.images.clone();
    Preprocessing.TF.applyInPlace(px);
    return new ArrayBatchSource(px, d.targets, n, 8, true, 4);
  }

  private static List<float[]> values(TaskModel m) {
    return m.runtime().values(m.runtime().variables().all());
  }

  private static TrainingConfig headOnly(boolean cache) {
    return new TrainingConfig(
        List.of(new TrainingPhase(TrainScope.HEAD, OptimizerKind.SGD, 0.05f, 3)),
        new LearningRateSchedule.Constant(), 0, cache);
  }

  @Test
  void cachedFeaturesTrainTheHeadExactlyAsFullForwardPassesDo() {
    ArrayBatchSource source = data(24);
    List<float[]> cached;
    List<float[]> uncached;
    try (TaskModel m = mobilenet()) {
      new Trainer(m, headOnly(true)).fit(source, null, tmp.resolve("cached"));
      cached = values(m);
    }
    try (TaskModel m = mobilenet()) {
      new Trainer(m, headOnly(false)).fit(source, null, tmp.resolve("uncached"));
      uncached = values(m);
    }
    assertEquals(uncached.size(), cached.size());
    for (int i = 0; i < cached.size(); i++) {
      assertArrayEquals(uncached.get(i), cached.get(i), 1e-5f);
    }
  }

  @Test
  void theTwoPhaseRecipeTrainsTheHeadThenTheLastBlocksAtALowerRate() {
    TrainingConfig twoPhase =
        new TrainingConfig(
            List.of(
                new TrainingPhase(TrainScope.HEAD, OptimizerKind.ADAM, 0.01f, 2),
                new TrainingPhase(TrainScope.lastBlocks(2), OptimizerKind.ADAM, 0.001f, 2)),
            new LearningRateSchedule.Constant(), 0, true);
    try (TaskModel m = mobilenet()) {
      Trainer trainer = new Trainer(m, twoPhase);
      List<float[]> start = values(m);
      AtomicInteger phaseOneBackboneChanges = new AtomicInteger(-1);
      List<ModelVariable> vars = m.runtime().variables().all();
      trainer.listen(new TrainingListener() {
        @Override
        public void onEpochEnd(TrainingRun run, EpochResult r) {
          if (r.epoch() == 2) {
            List<float[]> now = values(m);
            int changed = 0;
            for (int i = 0; i < vars.size(); i++) {
              if (m.backbone().blockOf(vars.get(i).layer()) >= 0
                  && !java.util.Arrays.equals(start.get(i), now.get(i))) {
                changed++;
              }
            }
            phaseOneBackboneChanges.set(changed);
          }
        }
      });
      List<EpochResult> h = trainer.fit(data(24), null, tmp);
      assertEquals(List.of(0, 0, 1, 1), h.stream().map(EpochResult::phase).toList());
      assertEquals(List.of(0.01f, 0.01f, 0.001f, 0.001f), h.stream().map(EpochResult::learningRate).toList());
      assertEquals(0, phaseOneBackboneChanges.get(), "phase one leaves the backbone alone");
      List<float[]> end = values(m);
      for (int i = 0; i < vars.size(); i++) {
        ModelVariable v = vars.get(i);
        int block = m.backbone().blockOf(v.layer());
        boolean changed = !java.util.Arrays.equals(start.get(i), end.get(i));
        if (block >= 0 && block < 12) {
          assertTrue(!changed, v.name() + " is outside the last 2 blocks but changed");
        } else if (v.name().endsWith("beta") || v.layer().equals("predictions")) {
          // Freshly initialised weights with untrained moving statistics pass tiny activations
          // forward, so kernel updates can fall below float resolution; the betas' cannot.
          assertTrue(changed, v.name() + " should have trained");
        }
      }
    }
  }
}
