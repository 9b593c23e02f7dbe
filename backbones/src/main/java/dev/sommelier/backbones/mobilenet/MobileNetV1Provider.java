package dev.sommelier.backbones.mobilenet;

import dev.sommelier.backbones.Backbone;
import dev.sommelier.backbones.BackboneProvider;
import dev.sommelier.backbones.KerasImageNetFiles;
import dev.sommelier.backbones.Options;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Registers {@code mobilenet_v1} with option {@code alpha} in {0.25, 0.5, 0.75, 1.0} (default
 * 1.0); default input 224, trained at 192 by default.
 */
public final class MobileNetV1Provider implements BackboneProvider {

  static final String NAME = "mobilenet_v1";
  private static final List<String> ALPHAS = List.of("0.25", "0.5", "0.75", "1.0");
  /** How Keras writes each width in its weight file names. */
  private static final Map<String, String> KERAS_ALPHA_TEXT =
      Map.of("0.25", "2_5", "0.5", "5_0", "0.75", "7_5", "1.0", "1_0");
  /** Input sizes Keras publishes ImageNet weights for (each trained at its size). */
  private static final List<Integer> IMAGENET_SIZES = List.of(224, 192, 160, 128);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int defaultInputSize() {
    return 224;
  }

  /**
   * 192: one of the sizes Keras publishes ImageNet weights for, so {@code imagenet} looks first
   * for the weights trained at that very size; 27% fewer pixels than 224.
   */
  @Override
  public int trainingInputSize() {
    return 192;
  }

  @Override
  public Backbone create(int inputSize, Map<String, String> options) {
    String alpha = alpha(options);
    return new MobileNetV1(inputSize, Double.parseDouble(alpha), alpha);
  }

  /**
   * The width multiplier as listed ({@code 0.25}, ...) for options that name it in any notation.
   *
   * @throws IllegalArgumentException for an unknown option or width, naming the accepted ones
   */
  private static String alpha(Map<String, String> options) {
    Options.requireKnown(NAME, options, Set.of("alpha"));
    String text = options.getOrDefault("alpha", "1.0");
    double alpha;
    try {
      alpha = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      alpha = Double.NaN;
    }
    for (String a : ALPHAS) {
      if (Double.parseDouble(a) == alpha) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "mobilenet_v1 alpha must be one of " + ALPHAS + ", got '" + text + "'");
  }

  @Override
  public List<Map<String, String>> listedOptions() {
    return ALPHAS.stream().map(a -> Map.of("alpha", a)).toList();
  }

  /** By the first and last convolutions, the width multiplier by the first one's filters. */
  @Override
  public Optional<Map<String, String>> recognize(List<String> layerNames, long firstConvFilters) {
    if (!layerNames.contains("conv1") || !layerNames.contains("conv_pw_13")) {
      return Optional.empty();
    }
    for (String a : ALPHAS) {
      if ((long) (32 * Double.parseDouble(a)) == firstConvFilters) {
        return Optional.of(Map.of("alpha", a));
      }
    }
    return Optional.empty();
  }

  /**
   * {@code mobilenet_2_5_224_tf_no_top.h5} and the other published input sizes of the same width,
   * the size nearest {@code inputSize} first (convolution weights fit any input size).
   */
  @Override
  public Optional<KerasImageNetFiles> imageNetFiles(int inputSize, Map<String, String> options) {
    String alpha = alpha(options);
    String text = KERAS_ALPHA_TEXT.get(alpha);
    List<Integer> sizes = IMAGENET_SIZES.stream()
        .sorted(Comparator.comparingInt((Integer s) -> Math.abs(s - inputSize))
            .thenComparing(Comparator.reverseOrder()))
        .toList();
    int first = sizes.get(0);
    return Optional.of(new KerasImageNetFiles(
        sizes.stream().map(s -> "mobilenet_" + text + "_" + s + "_tf_no_top.h5").toList(),
        "tf.keras.applications.MobileNet(alpha=" + alpha + ", input_shape=(" + first + ", "
            + first + ", 3), include_top=False, weights=\"imagenet\")"));
  }
}
