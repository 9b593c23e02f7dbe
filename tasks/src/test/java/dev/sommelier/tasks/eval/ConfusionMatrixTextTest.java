package dev.sommelier.tasks.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTextTest {

  @Test
  void alignsCountsUnderClassNames() {
    ConfusionMatrix matrix =
        new ConfusionMatrix(
            List.of("cat", "dog", "bird"), new long[][] {{3, 1, 0}, {1, 2, 0}, {0, 1, 1}});
    assertEquals(
        String.join(
            "\n",
            "true \\ predicted  cat  dog  bird",
            "cat                 3    1     0",
            "dog                 1    2     0",
            "bird                0    1     1"),
        ConfusionMatrixText.render(matrix));
  }

  @Test
  void widensColumnsForLongCountsAndLongNames() {
    ConfusionMatrix matrix =
        new ConfusionMatrix(
            List.of("a", "a-very-long-class"), new long[][] {{12345, 0}, {7, 1}});
    assertEquals(
        String.join(
            "\n",
            "true \\ predicted       a  a-very-long-class",
            "a                  12345                  0",
            "a-very-long-class      7                  1"),
        ConfusionMatrixText.render(matrix));
  }
}
