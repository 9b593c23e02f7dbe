package dev.sommelier.backbones.mobilenet;

import dev.sommelier.backbones.Backbone;
import dev.sommelier.backbones.BackboneSpec;
import dev.sommelier.backbones.FeatureDescription;
import dev.sommelier.backbones.Preprocessing;
import dev.sommelier.core.layers.LayerGraph;
import dev.sommelier.core.layers.Padding;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Keras {@code MobileNet(include_top=False, alpha)}, depth multiplier 1, layer for layer: stem
 * {@code conv1_pad, conv1, conv1_bn, conv1_relu}, then 13 depthwise-separable blocks; strided
 * blocks get Keras's asymmetric {@code conv_pad_i} ((0, 1), (0, 1)) and a valid convolution.
 */
public final class MobileNetV1 implements Backbone {

  static final float BN_EPSILON = 1e-3f;
  static final float BN_MOMENTUM = 0.99f;
  static final String FEATURE_LAYER = "conv_pw_13_relu";
  /** Pointwise filters and stride of blocks 1..13 at alpha 1. */
  private static final int[][] BLOCKS = {
    {64, 1}, {128, 2}, {128, 1}, {256, 2}, {256, 1}, {512, 2},
    {512, 1}, {512, 1}, {512, 1}, {512, 1}, {512, 1}, {1024, 2}, {1024, 1}
  };

  private static final Pattern BLOCK = Pattern.compile("conv_(?:dw|pw|pad)_(\\d+)(?:_.*)?");
  private final BackboneSpec spec;
  private final double alpha;

  MobileNetV1(int inputSize, double alpha, String alphaText) {
    this.alpha = alpha;
    this.spec =
        new BackboneSpec(
            MobileNetV1Provider.NAME,
            Map.of("alpha", alphaText),
            inputSize,
            32,
            Preprocessing.TF,
            FEATURE_LAYER,
            new FeatureDescription(FEATURE_LAYER, filters(1024), 32));
  }

  @Override
  public BackboneSpec spec() {
    return spec;
  }

  @Override
  public Operand<TFloat32> build(LayerGraph g, Operand<TFloat32> input) {
    Operand<TFloat32> x = g.zeroPadding("conv1_pad", input, 0, 1, 0, 1);
    x = g.conv2d("conv1", x, filters(32), 3, 3, 2, Padding.VALID, false);
    x = g.batchNorm("conv1_bn", x, BN_EPSILON, BN_MOMENTUM);
    x = g.relu6("conv1_relu", x);
    for (int i = 0; i < BLOCKS.length; i++) {
      x = depthwiseBlock(g, x, filters(BLOCKS[i][0]), BLOCKS[i][1], i + 1);
    }
    return x;
  }

  /** Stem, then the 13 depthwise-separable blocks. */
  @Override
  public int blockCount() {
    return BLOCKS.length + 1;
  }

  @Override
  public int blockOf(String layer) {
    if (layer.startsWith("conv1")) {
      return 0;
    }
    Matcher m = BLOCK.matcher(layer);
    if (!m.matches()) {
      return -1;
    }
    int id = Integer.parseInt(m.group(1));
    return id >= 1 && id <= BLOCKS.length ? id : -1;
  }

  private static Operand<TFloat32> depthwiseBlock(
      LayerGraph g, Operand<TFloat32> x, long pointwiseFilters, int stride, int id) {
    if (stride != 1) {
      x = g.zeroPadding("conv_pad_" + id, x, 0, 1, 0, 1);
    }
    x = g.depthwiseConv2d(
        "conv_dw_" + id, x, 3, stride, stride == 1 ? Padding.SAME : Padding.VALID, false);
    x = g.batchNorm("conv_dw_" + id + "_bn", x, BN_EPSILON, BN_MOMENTUM);
    x = g.relu6("conv_dw_" + id + "_relu", x);
    x = g.conv2d("conv_pw_" + id, x, pointwiseFilters, 1, 1, 1, Padding.SAME, false);
    x = g.batchNorm("conv_pw_" + id + "_bn", x, BN_EPSILON, BN_MOMENTUM);
    return g.relu6("conv_pw_" + id + "_relu", x);
  }

  /** Keras's {@code int(filters * alpha)}. */
  private long filters(int base) {
    return (long) (base * alpha);
  }
}
