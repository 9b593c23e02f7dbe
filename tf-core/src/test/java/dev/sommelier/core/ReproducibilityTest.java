package dev.sommelier.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.sommelier.core.train.Adam;
import dev.sommelier.core.train.TrainingStep;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.types.TFloat32;

class ReproducibilityTest {

  private static float[] trainedPrediction(long seed) {
    try (ModelRuntime rt = ModelRuntime.open(Device.CPU, seed)) {
      TinyModel m = new TinyModel(rt);
      TrainingStep step =
          TrainingStep.build(rt, m.loss, rt.variables().trainable(v -> true), List.of(),
              new Adam(rt.variables()), 0.01f);
      try (TFloat32 x = m.xTensor(); TFloat32 y = m.yTensor()) {
        for (int i = 0; i < 25; i++) {
          rt.session().runner().feed(m.x, x).feed(m.y, y).addTarget(step.target()).run().close();
        }
      }
      return m.eval(rt, m.prediction);
    }
  }

  @Test
  void aSeededRunOnTheCpuIsReproducibleAndTheSeedMatters() {
    float[] a = trainedPrediction(7);
    assertArrayEquals(a, trainedPrediction(7), 0f);
    assertFalse(Arrays.equals(a, trainedPrediction(8)));
  }
}
