package dev.sommelier.backbones.resnet;

import dev.sommelier.backbones.KerasNameMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ResNet50's layer names in standalone Keras up to 2.2.4 (keras-applications {@code resnet50.py}
 * before {@code resnet_common}), and in the ImageNet weight files of that era: {@code conv1},
 * {@code bn_conv1}, then per stage {@code s} and block letter {@code b} ({@code a}, {@code b}, ...)
 * {@code res<s><b>_branch2a/2b/2c}, {@code bn<s><b>_branch2a/2b/2c} and, in each stage's first
 * block, the shortcut {@code res<s>a_branch1}, {@code bn<s>a_branch1}. They map one-to-one onto
 * today's {@code conv<s>_block<n>_1/2/3_conv}, {@code _bn} and {@code _0_conv}, {@code _0_bn}.
 */
final class ResNet50LegacyNames {

  private ResNet50LegacyNames() {}

  /** The map for the given blocks per stage (stages 2 to 5). */
  static KerasNameMap of(int[] blocksPerStage) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("conv1", "conv1_conv");
    m.put("bn_conv1", "conv1_bn");
    String[] branches = {"2a", "2b", "2c"};
    for (int stage = 2; stage <= 5; stage++) {
      for (int block = 1; block <= blocksPerStage[stage - 2]; block++) {
        String old = stage + String.valueOf((char) ('a' + block - 1)) + "_branch";
        String now = "conv" + stage + "_block" + block + "_";
        for (int i = 0; i < branches.length; i++) {
          m.put("res" + old + branches[i], now + (i + 1) + "_conv");
          m.put("bn" + old + branches[i], now + (i + 1) + "_bn");
        }
        if (block == 1) {
          m.put("res" + old + "1", now + "0_conv");
          m.put("bn" + old + "1", now + "0_bn");
        }
      }
    }
    return new KerasNameMap("standalone Keras <= 2.2.4", m);
  }
}
