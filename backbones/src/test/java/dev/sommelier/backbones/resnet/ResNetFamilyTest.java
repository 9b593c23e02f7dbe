package dev.sommelier.backbones.resnet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sommelier.backbones.Backbone;
import dev.sommelier.backbones.BackboneProvider;
import dev.sommelier.backbones.BackboneRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The members of the ResNet family share their layer names up to each stage's depth; from the
 * names Keras gives a member's convolutions ({@code conv4_block23_1_conv}, ...), only that member
 * is recognised, and its blocks count Keras's. Cheap, without building: the contract builds the
 * deeper members in the slow group.
 */
class ResNetFamilyTest {

  @ParameterizedTest
  @CsvSource({"resnet50, 3 4 6 3", "resnet101, 3 4 23 3", "resnet152, 3 8 36 3"})
  void eachMemberIsRecognisedFromItsKerasNamesAloneAndCountsItsBlocks(String name, String depths) {
    int[] blocks = Arrays.stream(depths.split(" ")).mapToInt(Integer::parseInt).toArray();
    BackboneRegistry registry = BackboneRegistry.load();
    List<String> claims = registry.providers().stream()
        .filter(p -> p.recognize(kerasConvolutions(blocks), 64).isPresent())
        .map(BackboneProvider::name).toList();
    assertEquals(List.of(name), claims);
    Backbone b = registry.create(name, 32);
    int total = Arrays.stream(blocks).sum();
    assertEquals(1 + total, b.blockCount());
    assertEquals(total, b.blockOf("conv5_block3_out"));
    assertEquals(blocks[0] + blocks[1] + blocks[2], b.blockOf("conv4_block" + blocks[2] + "_out"));
    assertEquals(-1, b.blockOf("conv4_block" + (blocks[2] + 1) + "_out"));
    assertEquals("conv5_block3_out", b.spec().features().layer());
  }

  /** The convolutions of Keras's {@code resnet.py} with these blocks per stage, in model order. */
  private static List<String> kerasConvolutions(int[] blocks) {
    List<String> names = new ArrayList<>(List.of("conv1_conv"));
    for (int stage = 2; stage <= 5; stage++) {
      for (int block = 1; block <= blocks[stage - 2]; block++) {
        String prefix = "conv" + stage + "_block" + block + "_";
        if (block == 1) {
          names.add(prefix + "0_conv");
        }
        for (int i = 1; i <= 3; i++) {
          names.add(prefix + i + "_conv");
        }
      }
    }
    return names;
  }
}
