package dev.sommelier.backbones.simple;

import dev.sommelier.backbones.Backbone;
import dev.sommelier.backbones.BackboneSpec;
import dev.sommelier.backbones.FeatureDescription;
import dev.sommelier.backbones.Preprocessing;
import dev.sommelier.core.layers.Activation;
import dev.sommelier.core.layers.LayerGraph;
import dev.sommelier.core.layers.Padding;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A small convolutional network to train from scratch on small data in seconds: {@code blocks}
 * blocks of {@code Conv2D(3x3, same) -> ReLU -> MaxPooling2D(2)}, filters doubling from {@code
 * width}. No batch normalisation, so it needs no statistics to be learnt first. Layer names
 * {@code block1_conv}, {@code block1_relu}, {@code block1_pool}, ...
 */
final class SimpleCnn implements Backbone {

  private final BackboneSpec spec;
  private final int blocks;
  private final int width;

  SimpleCnn(int inputSize, int blocks, int width) {
    this.blocks = blocks;
    this.width = width;
    String last = "block" + blocks + "_relu";
    this.spec =
        new BackboneSpec(
            SimpleCnnProvider.NAME,
            Map.of("blocks", Integer.toString(blocks), "width", Integer.toString(width)),
            inputSize,
            1 << blocks,
            Preprocessing.UNIT,
            last,
            new FeatureDescription("block" + blocks + "_pool", (long) width << (blocks - 1), 1 << blocks));
  }

  @Override
  public BackboneSpec spec() {
    return spec;
  }

  @Override
  public Operand<TFloat32> build(LayerGraph g, Operand<TFloat32> input) {
    Operand<TFloat32> x = input;
    for (int b = 1; b <= blocks; b++) {
      x = g.conv2d("block" + b + "_conv", x, (long) width << (b - 1), 3, 3, 1, Padding.SAME, true);
      x = g.activation("block" + b + "_relu", x, Activation.RELU);
      x = g.maxPool("block" + b + "_pool", x, 2, 2, Padding.VALID);
    }
    return x;
  }

  @Override
  public int blockCount() {
    return blocks;
  }

  @Override
  public int blockOf(String layer) {
    if (!layer.startsWith("block")) {
      return -1;
    }
    int end = layer.indexOf('_');
    try {
      int b = Integer.parseInt(layer.substring(5, end < 0 ? layer.length() : end));
      return b >= 1 && b <= blocks ? b - 1 : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
