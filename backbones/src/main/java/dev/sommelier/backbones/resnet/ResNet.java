package dev.sommelier.backbones.resnet;

import dev.sommelier.backbones.Backbone;
import dev.sommelier.backbones.BackboneSpec;
import dev.sommelier.backbones.FeatureDescription;
import dev.sommelier.backbones.Preprocessing;
import dev.sommelier.core.layers.Activation;
import dev.sommelier.core.layers.LayerGraph;
import dev.sommelier.core.layers.Padding;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Keras's ResNet family ({@code ResNet50}, {@code ResNet101}, {@code ResNet152} with {@code
 * include_top=False}), layer for layer: stem {@code conv1_pad ... pool1_pool}, then stacks {@code
 * conv2..conv5} of bottleneck blocks with the stride on the first 1x1 convolution, as Keras's
 * {@code resnet.py} builds them. The members differ only in their blocks per stage.
 */
public final class ResNet implements Backbone {

  /** Keras's batch-norm epsilon for ResNet. */
  static final float BN_EPSILON = 1.001e-5f;
  static final float BN_MOMENTUM = 0.99f;

  private static final Pattern BLOCK = Pattern.compile("conv(\\d)_block(\\d+)_");
  private final BackboneSpec spec;
  private final int[] blocksPerStage;

  /**
   * @param name registry name ({@code resnet101})
   * @param blocksPerStage bottleneck blocks of stages conv2 to conv5 ({@code 3, 4, 23, 3})
   */
  ResNet(String name, int[] blocksPerStage, int inputSize) {
    if (blocksPerStage.length != 4) {
      throw new IllegalArgumentException("a ResNet has 4 stages, got " + blocksPerStage.length);
    }
    this.blocksPerStage = blocksPerStage.clone();
    this.spec =
        new BackboneSpec(
            name,
            Map.of(),
            inputSize,
            32,
            Preprocessing.CAFFE,
            featureLayer(blocksPerStage),
            new FeatureDescription(featureLayer(blocksPerStage), 2048, 32));
  }

  @Override
  public BackboneSpec spec() {
    return spec;
  }

  @Override
  public Operand<TFloat32> build(LayerGraph g, Operand<TFloat32> input) {
    Operand<TFloat32> x = g.zeroPadding("conv1_pad", input, 3, 3, 3, 3);
    x = g.conv2d("conv1_conv", x, 64, 7, 7, 2, Padding.VALID, true);
    x = g.batchNorm("conv1_bn", x, BN_EPSILON, BN_MOMENTUM);
    x = g.activation("conv1_relu", x, Activation.RELU);
    x = g.zeroPadding("pool1_pad", x, 1, 1, 1, 1);
    x = g.maxPool("pool1_pool", x, 3, 2, Padding.VALID);
    x = stack(g, x, 64, blocksPerStage[0], 1, "conv2");
    x = stack(g, x, 128, blocksPerStage[1], 2, "conv3");
    x = stack(g, x, 256, blocksPerStage[2], 2, "conv4");
    return stack(g, x, 512, blocksPerStage[3], 2, "conv5");
  }

  /** Stem, then the bottleneck blocks (3 + 4 + 6 + 3 in ResNet50). */
  @Override
  public int blockCount() {
    return 1 + Arrays.stream(blocksPerStage).sum();
  }

  @Override
  public int blockOf(String layer) {
    if (layer.startsWith("conv1_") || layer.startsWith("pool1_")) {
      return 0;
    }
    Matcher m = BLOCK.matcher(layer);
    if (!m.lookingAt()) {
      return -1;
    }
    int stage = Integer.parseInt(m.group(1));
    int block = Integer.parseInt(m.group(2));
    if (stage < 2 || stage > 5 || block < 1 || block > blocksPerStage[stage - 2]) {
      return -1;
    }
    int before = 0;
    for (int s = 2; s < stage; s++) {
      before += blocksPerStage[s - 2];
    }
    return before + block;
  }

  /** The last block's output, {@code conv5_block3_out}. */
  private static String featureLayer(int[] blocksPerStage) {
    return "conv5_block" + blocksPerStage[3] + "_out";
  }

  private static Operand<TFloat32> stack(
      LayerGraph g, Operand<TFloat32> x, long filters, int blocks, long firstStride, String name) {
    x = block(g, x, filters, firstStride, true, name + "_block1");
    for (int i = 2; i <= blocks; i++) {
      x = block(g, x, filters, 1, false, name + "_block" + i);
    }
    return x;
  }

  private static Operand<TFloat32> block(
      LayerGraph g, Operand<TFloat32> x, long filters, long stride, boolean convShortcut,
      String name) {
    Operand<TFloat32> shortcut = x;
    if (convShortcut) {
      shortcut = g.conv2d(name + "_0_conv", x, 4 * filters, 1, 1, stride, Padding.VALID, true);
      shortcut = g.batchNorm(name + "_0_bn", shortcut, BN_EPSILON, BN_MOMENTUM);
    }
    Operand<TFloat32> y = g.conv2d(name + "_1_conv", x, filters, 1, 1, stride, Padding.VALID, true);
    y = g.batchNorm(name + "_1_bn", y, BN_EPSILON, BN_MOMENTUM);
    y = g.activation(name + "_1_relu", y, Activation.RELU);
    y = g.conv2d(name + "_2_conv", y, filters, 3, 3, 1, Padding.SAME, true);
    y = g.batchNorm(name + "_2_bn", y, BN_EPSILON, BN_MOMENTUM);
    y = g.activation(name + "_2_relu", y, Activation.RELU);
    y = g.conv2d(name + "_3_conv", y, 4 * filters, 1, 1, 1, Padding.VALID, true);
    y = g.batchNorm(name + "_3_bn", y, BN_EPSILON, BN_MOMENTUM);
    y = g.add(name + "_add", shortcut, y);
    return g.activation(name + "_out", y, Activation.RELU);
  }
}
