package dev.sommelier.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.core.layers.Activation;
import dev.sommelier.core.train.Adam;
import dev.sommelier.core.train.TrainingStep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.types.TFloat32;

class CheckpointAndExportTest {

  @TempDir Path tmp;

  private static TrainingStep trainABit(ModelRuntime rt, TinyModel m, int steps) {
    TrainingStep step =
        TrainingStep.build(rt, m.loss, rt.variables().trainable(v -> true), List.of(),
            new Adam(rt.variables()), 0.01f);
    try (TFloat32 x = m.xTensor(); TFloat32 y = m.yTensor()) {
      for (int i = 0; i < steps; i++) {
        rt.session().runner().feed(m.x, x).feed(m.y, y).addTarget(step.target()).run().close();
      }
    }
    return step;
  }

  @Test
  void restoredCheckpointGivesTheSameOutputsAndOptimizerState() {
    float[] before;
    float[] lossAfterOneMoreStep;
    Path ckpt = tmp.resolve("ckpt");
    try (ModelRuntime rt = ModelRuntime.open(Device.CPU, 11)) {
      TinyModel m = new TinyModel(rt);
      TrainingStep step = trainABit(rt, m, 20);
      before = m.eval(rt, m.prediction);
      Checkpoints.save(rt, ckpt);
      try (TFloat32 x = m.xTensor(); TFloat32 y = m.yTensor()) {
        rt.session().runner().feed(m.x, x).feed(m.y, y).addTarget(step.target()).run().close();
      }
      lossAfterOneMoreStep = m.eval(rt, m.loss);
    }
    assertTrue(Files.exists(ckpt.resolve("variables.index")));
    try (ModelRuntime rt = ModelRuntime.open(Device.CPU, 99)) {
      TinyModel m = new TinyModel(rt);
      TrainingStep step =
          TrainingStep.build(rt, m.loss, rt.variables().trainable(v -> true), List.of(),
              new Adam(rt.variables()), 0.01f);
      assertFalse(java.util.Arrays.equals(before, m.eval(rt, m.prediction)), "fresh weights differ");
      Checkpoints.restore(rt, ckpt);
      assertArrayEquals(before, m.eval(rt, m.prediction), 0f);
      try (TFloat32 x = m.xTensor(); TFloat32 y = m.yTensor()) {
        rt.session().runner().feed(m.x, x).feed(m.y, y).addTarget(step.target()).run().close();
      }
      // Adam's moments and the step counter came back too, so the next step is the same step.
      assertArrayEquals(lossAfterOneMoreStep, m.eval(rt, m.loss), 1e-7f);
    }
  }

  @Test
  void exportedSavedModelReloadsWithTheSameOutputs() {
    Path dir = tmp.resolve("export");
    float[] expected;
    try (ModelRuntime rt = ModelRuntime.open(Device.CPU, 11)) {
      TinyModel m = new TinyModel(rt);
      trainABit(rt, m, 10);
      expected = m.eval(rt, m.prediction);
      SavedModelExport.export(rt, dir, Map.of("features", m.x), Map.of("value", m.prediction));
    }
    try (SavedModelBundle b = SavedModelBundle.load(dir.toString(), "serve");
        TFloat32 x = Tensors.of(org.tensorflow.ndarray.Shape.of(TinyModel.N, 4), TinyModel.XS);
        Result r = b.function("serving_default").call(Map.of("features", x))) {
      assertArrayEquals(expected, Tensors.values(r.get("value").orElseThrow()), 0f);
    }
  }

  @Test
  void addingAVariableAfterASaveIsAnError() {
    try (ModelRuntime rt = ModelRuntime.open(Device.CPU, 11)) {
      TinyModel m = new TinyModel(rt);
      Checkpoints.save(rt, tmp.resolve("c"));
      IllegalStateException e =
          assertThrows(IllegalStateException.class,
              () -> m.graph.dense("late", m.prediction, 1, Activation.LINEAR));
      assertTrue(e.getMessage().contains("late/kernel"), e.getMessage());
    }
  }

  @Test
  void restoringFromAnEmptyDirectoryNamesIt() {
    try (ModelRuntime rt = ModelRuntime.open(Device.CPU, 11)) {
      new TinyModel(rt);
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Checkpoints.restore(rt, tmp));
      assertTrue(e.getMessage().contains(tmp.toString()));
      assertEquals(0, tmp.toFile().list().length);
    }
  }
}
