package dev.sommelier.backbones.keras;

import dev.sommelier.core.layers.LayerGraph;
import dev.sommelier.core.layers.LayerInfo;
import java.util.List;
import java.util.Map;

/**
 * Whether a backbone's explicit {@code ZeroPadding2D} plus a valid convolution computes what a
 * saved model's single convolution with {@code padding="same"} computes. Keras 3's MobileNet has no
 * {@code conv1_pad}: its {@code conv1} pads "same", which for a 3x3 stride-2 convolution pads
 * (0, 1) on an even input, exactly as {@code conv1_pad} does, and (1, 1) on an odd one.
 */
final class SamePadding {

  private SamePadding() {}

  /**
   * Why the saved model cannot leave out the backbone's padding layer {@code pad}, or null when it
   * can: the layer after it in the backbone must be saved as a convolution with {@code
   * padding="same"} whose TensorFlow padding at this size is the padding layer's.
   */
  static String whyNot(LayerGraph g, String pad, Map<String, KerasLayer> saved) {
    int[] p = g.paddingOf(pad);
    List<LayerInfo> layers = g.layers();
    int at = layers.stream().map(LayerInfo::name).toList().indexOf(pad);
    if (p == null || at + 1 >= layers.size()) {
      return "it is not a padding layer followed by a convolution";
    }
    LayerInfo padded = layers.get(at);
    String next = layers.get(at + 1).name();
    KerasLayer conv = saved.get(next);
    if (conv == null || !conv.text("padding", "valid").equals("same")) {
      return "the saved " + next + " does not pad 'same' in its place";
    }
    long height = padded.outputShape()[0] - p[0] - p[1];
    long width = padded.outputShape()[1] - p[2] - p[3];
    List<Long> kernel = conv.longs("kernel_size");
    List<Long> strides = conv.longs("strides");
    long[] rows = same(height, kernel.get(0), strides.get(0));
    long[] cols = same(width, kernel.get(1), strides.get(1));
    if (rows[0] != p[0] || rows[1] != p[1] || cols[0] != p[2] || cols[1] != p[3]) {
      return "at input " + height + "x" + width + " the saved " + next + " pads (" + rows[0] + ", "
          + rows[1] + "), (" + cols[0] + ", " + cols[1] + ") where " + pad + " pads (" + p[0]
          + ", " + p[1] + "), (" + p[2] + ", " + p[3] + "); use an even input size";
    }
    return null;
  }

  /** TensorFlow's "same" padding (before, after) of one axis. */
  private static long[] same(long size, long kernel, long stride) {
    long out = (size + stride - 1) / stride;
    long total = Math.max((out - 1) * stride + kernel - size, 0);
    return new long[] {total / 2, total - total / 2};
  }
}
