package dev.sommelier.tasks.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which outputs an explanation without a stated target covers, per output kind. */
class ExplainedOutputsTest {

  private static final LabelsOutput LABELS =
      new LabelsOutput(List.of("a", "b", "c", "d"), List.of(0.5f, 0.3f, 0.9f, 0.5f));

  @Test
  void aMultiLabelImageExplainsEachLabelAtOrOverItsOwnThresholdMostProbableFirst() {
    // b (0.35) is over its 0.3; c (0.8) is under its 0.9; d sits exactly on its 0.5.
    assertArrayEquals(new int[] {0, 3, 1}, LABELS.explained(new float[] {0.6f, 0.35f, 0.8f,
        0.5f}, 1));
  }

  @Test
  void aMultiLabelImageWithNoLabelPresentExplainsItsMostProbableOrItsTopK() {
    float[] none = {0.1f, 0.2f, 0.8f, 0.4f};
    assertArrayEquals(new int[] {2}, LABELS.explained(none, 1));
    assertArrayEquals(new int[] {2, 3, 1}, LABELS.explained(none, 3));
  }

  @Test
  void classesExplainTheirTopKAndAValueItself() {
    assertArrayEquals(new int[] {1, 2},
        new ClassesOutput(List.of("x", "y", "z")).explained(new float[] {0.1f, 0.6f, 0.3f}, 2));
    assertArrayEquals(new int[] {0}, new ValueOutput().explained(new float[] {4.2f}, 1));
  }
}
