package dev.sommelier.backbones.resnet;

import dev.sommelier.backbones.Backbone;
import dev.sommelier.backbones.BackboneProvider;
import dev.sommelier.backbones.KerasImageNetFiles;
import dev.sommelier.backbones.KerasNameMap;
import dev.sommelier.backbones.Options;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Registers {@code resnet50}: Keras ResNet50 without top, default input 224, trained at 197 by
 * default.
 */
public final class ResNet50Provider implements BackboneProvider {

  static final String NAME = "resnet50";
  private static final KerasNameMap LEGACY_NAMES =
      ResNet50LegacyNames.of(ResNet50.BLOCKS_PER_STAGE);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int defaultInputSize() {
    return 224;
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
  public Backbone create(int inputSize, Map<String, String> options) {
    Options.requireKnown(NAME, options, Set.of());
    return new ResNet50(inputSize);
  }

  /** By the first and last convolutions; a fourth-stage seventh block would be a deeper ResNet. */
  @Override
  public Optional<Map<String, String>> recognize(List<String> layerNames, long firstConvFilters) {
    return layerNames.contains("conv1_conv") && layerNames.contains("conv5_block3_3_conv")
            && !layerNames.contains("conv4_block7_1_conv")
        ? Optional.of(Map.of())
        : Optional.empty();
  }

  @Override
  public Optional<KerasImageNetFiles> imageNetFiles(int inputSize, Map<String, String> options) {
    return Optional.of(new KerasImageNetFiles(
        List.of("resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5"),
        "tf.keras.applications.ResNet50(include_top=False, weights=\"imagenet\")"));
  }

  @Override
  public List<KerasNameMap> kerasNameMaps() {
    return List.of(LEGACY_NAMES);
  }
}
