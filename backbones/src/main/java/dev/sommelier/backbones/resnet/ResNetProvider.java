package dev.sommelier.backbones.resnet;

import dev.sommelier.backbones.Backbone;
import dev.sommelier.backbones.BackboneProvider;
import dev.sommelier.backbones.KerasImageNetFiles;
import dev.sommelier.backbones.Options;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Registers one member of the {@link ResNet} family, without options, default input 224: a
 * subclass names it and gives its blocks per stage and Keras's class name.
 */
public abstract class ResNetProvider implements BackboneProvider {

  private final String name;
  private final String kerasClass;
  private final int[] blocksPerStage;

  /**
   * @param name registry name, which is also Keras's weight file prefix ({@code resnet101})
   * @param kerasClass the {@code tf.keras.applications} class ({@code ResNet101})
   * @param blocksPerStage bottleneck blocks of stages conv2 to conv5
   */
  protected ResNetProvider(String name, String kerasClass, int... blocksPerStage) {
    this.name = name;
    this.kerasClass = kerasClass;
    this.blocksPerStage = blocksPerStage.clone();
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final int defaultInputSize() {
    return 224;
  }

  @Override
  public final Backbone create(int inputSize, Map<String, String> options) {
    Options.requireKnown(name, options, Set.of());
    return new ResNet(name, blocksPerStage, inputSize);
  }

  /**
   * By the first convolution and the last block of every stage: each stage must end exactly
   * there, so the family's members (which share their names up to the depth of each stage) never
   * both match.
   */
  @Override
  public final Optional<Map<String, String>> recognize(
      List<String> layerNames, long firstConvFilters) {
    if (!layerNames.contains("conv1_conv")) {
      return Optional.empty();
    }
    for (int stage = 2; stage <= 5; stage++) {
      int blocks = blocksPerStage[stage - 2];
      if (!layerNames.contains(firstConv(stage, blocks))
          || layerNames.contains(firstConv(stage, blocks + 1))) {
        return Optional.empty();
      }
    }
    return Optional.of(Map.of());
  }

  /** {@code <name>_weights_tf_dim_ordering_tf_kernels_notop.h5}, as Keras names the file. */
  @Override
  public final Optional<KerasImageNetFiles> imageNetFiles(
      int inputSize, Map<String, String> options) {
    return Optional.of(new KerasImageNetFiles(
        List.of(name + "_weights_tf_dim_ordering_tf_kernels_notop.h5"),
        "tf.keras.applications." + kerasClass + "(include_top=False, weights=\"imagenet\")"));
  }

  private static String firstConv(int stage, int block) {
    return "conv" + stage + "_block" + block + "_1_conv";
  }
}
