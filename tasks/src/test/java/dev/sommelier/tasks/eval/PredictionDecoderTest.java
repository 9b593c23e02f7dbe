package dev.sommelier.tasks.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PredictionDecoderTest {

  @Test
  void sortsDescendingAndKeepsIndexOrderForTies() {
    List<ClassProbability> decoded =
        PredictionDecoder.decode(
            new float[] {0.1f, 0.4f, 0.1f, 0.4f}, List.of("a", "b", "c", "d"));
    assertEquals(
        List.of(
            new ClassProbability(1, "b", 0.4f),
            new ClassProbability(3, "d", 0.4f),
            new ClassProbability(0, "a", 0.1f),
            new ClassProbability(2, "c", 0.1f)),
        decoded);
  }

  @Test
  void rejectsMismatchedSizesAndNaN() {
    assertThrows(
        IllegalArgumentException.class,
        () -> PredictionDecoder.decode(new float[] {1f}, List.of("a", "b")));
    assertThrows(
        IllegalArgumentException.class,
        () -> PredictionDecoder.decode(new float[] {Float.NaN, 1f}, List.of("a", "b")));
  }
}
