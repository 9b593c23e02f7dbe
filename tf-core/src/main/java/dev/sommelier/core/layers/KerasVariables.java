package dev.sommelier.core.layers;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The variables each Keras layer class owns, in the order Keras creates them, under the names
 * {@link LayerGraph} gives them. A Keras 3 {@code .keras} file stores a layer's variables by
 * position only ({@code vars/0}, {@code vars/1}, ...), so this order is what names them; it is kept
 * here, beside the layer builders, so that a new layer builder and its variable order change
 * together.
 */
public final class KerasVariables {

  /**
   * One variable of a layer.
   *
   * @param name the variable's name in {@link LayerGraph} ({@code kernel}, {@code moving_mean})
   * @param presentUnless the boolean config key that, when {@code false}, means the layer has no
   *     such variable ({@code use_bias}, BatchNormalization's {@code scale} and {@code center}),
   *     or null when the variable always exists
   */
  public record Slot(String name, String presentUnless) {}

  private static final Slot KERNEL = new Slot("kernel", null);
  private static final Slot BIAS = new Slot("bias", "use_bias");
  private static final Map<String, List<Slot>> BY_CLASS =
      Map.of(
          "Conv2D", List.of(KERNEL, BIAS),
          "Dense", List.of(KERNEL, BIAS),
          // Keras 3 calls it "kernel"; Keras 2 and LayerGraph "depthwise_kernel".
          "DepthwiseConv2D", List.of(new Slot("depthwise_kernel", null), BIAS),
          "BatchNormalization",
              List.of(
                  new Slot("gamma", "scale"),
                  new Slot("beta", "center"),
                  new Slot("moving_mean", null),
                  new Slot("moving_variance", null)),
          // Only when the layer was adapted (no mean and variance in its config).
          "Normalization",
              List.of(new Slot("mean", null), new Slot("variance", null), new Slot("count", null)));

  private KerasVariables() {}

  /** The variables of Keras class {@code className} in creation order, or empty when unknown. */
  public static Optional<List<Slot>> of(String className) {
    return Optional.ofNullable(BY_CLASS.get(className));
  }
}
