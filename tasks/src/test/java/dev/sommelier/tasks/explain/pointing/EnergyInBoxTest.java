package dev.sommelier.tasks.explain.pointing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnergyInBoxTest {

  @Test
  void shareOfTheMapsSumInsideTheBoxes() {
    float[] map = new float[4 * 5];
    Arrays.fill(map, 1f);
    // a 2x2 box at (1, 1): 4 of 20 pixels
    assertEquals(0.2, EnergyInBox.of(map, 4, 5, List.of(new Rectangle(1, 1, 2, 2))), 1e-12);
    map[0] = 16f; // outside: 4 of 35
    assertEquals(4 / 35.0, EnergyInBox.of(map, 4, 5, List.of(new Rectangle(1, 1, 2, 2))), 1e-12);
    // two boxes, the second holding the heavy pixel: (4 + 16) of 35
    assertEquals(20 / 35.0, EnergyInBox.of(map, 4, 5,
        List.of(new Rectangle(1, 1, 2, 2), new Rectangle(0, 0, 1, 1))), 1e-12);
    assertTrue(Double.isNaN(EnergyInBox.of(new float[20], 4, 5, List.of())));
  }
}
