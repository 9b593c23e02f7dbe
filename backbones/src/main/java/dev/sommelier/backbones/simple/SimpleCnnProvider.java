package dev.sommelier.backbones.simple;

import dev.sommelier.backbones.Backbone;
import dev.sommelier.backbones.BackboneProvider;
import dev.sommelier.backbones.Options;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Registers {@code simple_cnn}: a few conv-ReLU-pool blocks for training from scratch on small
 * images; options {@code blocks} (1 to 5, default 3) and {@code width} (filters of the first
 * block, default 16). Default input 64.
 */
public final class SimpleCnnProvider implements BackboneProvider {

  static final String NAME = "simple_cnn";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int defaultInputSize() {
    return 64;
  }

  @Override
  public Backbone create(int inputSize, Map<String, String> options) {
    Options.requireKnown(NAME, options, Set.of("blocks", "width"));
    int blocks = intOption(options, "blocks", 3, 1, 5);
    int width = intOption(options, "width", 16, 1, 512);
    return new SimpleCnn(inputSize, blocks, width);
  }

  @Override
  public List<Map<String, String>> listedOptions() {
    return List.of(Map.of());
  }

  private static int intOption(Map<String, String> options, String key, int fallback, int min, int max) {
    String text = options.get(key);
    if (text == null) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(text);
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        NAME + " option " + key + " must be a whole number from " + min + " to " + max + ", got '" + text + "'");
  }
}
