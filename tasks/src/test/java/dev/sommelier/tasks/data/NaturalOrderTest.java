package dev.sommelier.tasks.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {

  @Test
  void digitRunsCompareAsNumbers() {
    List<String> want = List.of("1", "2", "10", "cucumber_1", "cucumber_2", "cucumber_10",
        "cucumber_10b", "img2x", "img10x", "x99999999999999999999", "x100000000000000000000");
    List<String> shuffled = new ArrayList<>(want);
    Collections.shuffle(shuffled, new Random(5));
    shuffled.sort(NaturalOrder.INSTANCE);
    assertEquals(want, shuffled);
  }

  @Test
  void equalNumbersWithLeadingZerosFallBackToTextSoTheOrderIsTotal() {
    List<String> names = new ArrayList<>(List.of("a1", "a01", "a001", "a2"));
    names.sort(NaturalOrder.INSTANCE);
    assertEquals(List.of("a001", "a01", "a1", "a2"), names);
    assertEquals(0, NaturalOrder.INSTANCE.compare("same", "same"));
  }
}
