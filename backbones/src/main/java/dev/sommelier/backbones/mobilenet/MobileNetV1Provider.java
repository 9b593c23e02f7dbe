package dev.sommelier.backbones.mobilenet;

import dev.sommelier.backbones.Backbone;
import dev.sommelier.backbones.BackboneProvider;
import dev.sommelier.backbones.Options;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Registers {@code mobilenet_v1} with option {@code alpha} in {0.25, 0.5, 0.75, 1.0} (default
 * 1.0); default input 224.
 */
public final class MobileNetV1Provider implements BackboneProvider {

  static final String NAME = "mobilenet_v1";
  private static final List<String> ALPHAS = List.of("0.25", "0.5", "0.75", "1.0");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int defaultInputSize() {
    return 224;
  }

  @Override
  public Backbone create(int inputSize, Map<String, String> options) {
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
        return new MobileNetV1(inputSize, alpha, a);
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
}
