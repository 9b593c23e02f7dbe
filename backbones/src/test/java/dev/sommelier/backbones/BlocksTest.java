package dev.sommelier.backbones;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sommelier.core.Device;
import dev.sommelier.core.ModelRuntime;
import dev.sommelier.core.layers.LayerGraph;
import dev.sommelier.core.layers.LayerInfo;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every layer of a backbone belongs to exactly one block, and blocks run 0..count-1 in order. */
class BlocksTest {

  @ParameterizedTest
  @CsvSource({"resnet50, 17, conv4_block6_out, 13", "mobilenet_v1, 14, conv_pad_12, 12"})
  void everyLayerHasABlockInModelOrder(String name, int count, String probe, int probeBlock) {
    Backbone b = BackboneRegistry.load().create(name, 64);
    assertEquals(count, b.blockCount());
    assertEquals(probeBlock, b.blockOf(probe));
    assertEquals(-1, b.blockOf("predictions"));
    try (ModelRuntime rt = ModelRuntime.open(Device.CPU, 1)) {
      LayerGraph g = LayerGraph.inference(rt);
      b.build(g, g.input("input_1", 64, 64, 3));
      TreeSet<Integer> seen = new TreeSet<>();
      int last = 0;
      for (LayerInfo l : g.layers().subList(1, g.layers().size())) {
        int block = b.blockOf(l.name());
        assertEquals(true, block >= last, l.name() + " in block " + block + " after " + last);
        last = block;
        seen.add(block);
      }
      assertEquals(count, seen.size());
      assertEquals(count - 1, seen.last());
    }
  }
}
