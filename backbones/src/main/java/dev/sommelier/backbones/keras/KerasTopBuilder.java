package dev.sommelier.backbones.keras;

import dev.sommelier.core.layers.Activation;
import dev.sommelier.core.layers.LayerGraph;
import dev.sommelier.core.layers.Padding;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Builds the Keras layers that follow a backbone (a "top"), one by one, as a chain: the ImageNet
 * tops ({@code GlobalAveragePooling2D, Reshape, Dropout, Conv2D 1x1, Reshape, Activation}) and
 * user heads ({@code Flatten} or pooling, {@code Dropout}, {@code Dense} layers).
 */
final class KerasTopBuilder {

  private KerasTopBuilder() {}

  /**
   * Builds {@code layers} on {@code x}.
   *
   * @throws IllegalArgumentException naming the first layer that is not a chain link or whose
   *     class is not supported
   */
  static Operand<TFloat32> build(LayerGraph g, Operand<TFloat32> x, String previous, List<KerasLayer> layers) {
    for (KerasLayer layer : layers) {
      if (!layer.inbound().isEmpty() && !layer.inbound().equals(List.of(previous))) {
        throw new IllegalArgumentException(
            "layer " + layer.name() + " takes " + layer.inbound() + ", but only a chain of layers"
                + " after the backbone (each fed by the one before) can be rebuilt");
      }
      x = buildOne(g, x, layer);
      previous = layer.name();
    }
    return x;
  }

  private static Operand<TFloat32> buildOne(LayerGraph g, Operand<TFloat32> x, KerasLayer l) {
    String name = l.name();
    return switch (l.className()) {
      case "GlobalAveragePooling2D" -> g.globalAveragePooling(name, x);
      case "Flatten" -> g.flatten(name, x);
      case "Dropout" -> g.dropout(name, x, (float) l.config().path("rate").asDouble());
      case "Reshape" -> g.reshape(name, x, l.longs("target_shape").stream().mapToLong(v -> v).toArray());
      case "Activation" -> g.activation(name, x, Activation.parse(l.text("activation", "linear")));
      case "Dense" ->
          g.dense(name, x, l.config().path("units").asLong(), Activation.parse(l.text("activation", "linear")));
      case "Conv2D" -> conv(g, x, l);
      default ->
          throw new IllegalArgumentException(
              "layer " + name + " is a " + l.className() + "; after a backbone only"
                  + " GlobalAveragePooling2D, Flatten, Dropout, Reshape, Activation, Dense and"
                  + " Conv2D can be rebuilt");
    };
  }

  private static Operand<TFloat32> conv(LayerGraph g, Operand<TFloat32> x, KerasLayer l) {
    List<Long> k = l.longs("kernel_size");
    List<Long> s = l.longs("strides");
    if (!s.get(0).equals(s.get(1))) {
      throw new IllegalArgumentException("layer " + l.name() + ": only square strides are supported");
    }
    Operand<TFloat32> y =
        g.conv2d(
            l.name(),
            x,
            l.config().path("filters").asLong(),
            k.get(0),
            k.get(1),
            s.get(0),
            Padding.parse(l.text("padding", "valid")),
            l.config().path("use_bias").asBoolean(true));
    Activation a = Activation.parse(l.text("activation", "linear"));
    if (a != Activation.LINEAR) {
      throw new IllegalArgumentException(
          "layer " + l.name() + ": a Conv2D with a built-in activation after the backbone is not"
              + " supported yet");
    }
    return y;
  }
}
