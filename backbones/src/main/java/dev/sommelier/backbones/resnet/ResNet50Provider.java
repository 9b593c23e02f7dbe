package dev.sommelier.backbones.resnet;

import dev.sommelier.backbones.KerasNameMap;
import java.util.List;

/**
 * Registers {@code resnet50}: Keras ResNet50 without top (3, 4, 6, 3 blocks), default input 224,
 * trained at 197 by default, also under standalone Keras's older layer names.
 */
public final class ResNet50Provider extends ResNetProvider {

  private static final int[] BLOCKS_PER_STAGE = {3, 4, 6, 3};
  private static final KerasNameMap LEGACY_NAMES = ResNet50LegacyNames.of(BLOCKS_PER_STAGE);

  public ResNet50Provider() {
    super("resnet50", "ResNet50", BLOCKS_PER_STAGE);
  }

  /**
   * 197: the smallest input Keras's ResNet50 without top accepted up to Keras 2.2.4, the size of
   * the usual Keras transfer-learning recipe; 23% fewer pixels than 224, and the ImageNet weights
   * (trained at 224) fit any size.
   */
  @Override
  public int trainingInputSize() {
    return 197;
  }

  @Override
  public List<KerasNameMap> kerasNameMaps() {
    return List.of(LEGACY_NAMES);
  }
}
