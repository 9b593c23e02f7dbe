package dev.sommelier.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

class WeightAssignerTest {

  @Test
  void assignsTheSameVariablesAgainAndFromASecondAssigner() {
    try (ModelRuntime rt = ModelRuntime.open(Device.CPU, 1)) {
      new TinyModel(rt);
      ModelVariable bias = rt.variables().get("value/bias");
      WeightAssigner first = new WeightAssigner(rt);
      for (float v : new float[] {1f, 2f}) {
        try (TFloat32 t = Tensors.of(Shape.of(1), new float[] {v})) {
          first.assign(Map.of(bias.name(), t));
        }
        assertArrayEquals(new float[] {v}, rt.values(List.of(bias)).get(0));
      }
      try (TFloat32 t = Tensors.of(Shape.of(1), new float[] {3f})) {
        new WeightAssigner(rt).assign(Map.of(bias.name(), t));
      }
      assertArrayEquals(new float[] {3f}, rt.values(List.of(bias)).get(0));
    }
  }
}
