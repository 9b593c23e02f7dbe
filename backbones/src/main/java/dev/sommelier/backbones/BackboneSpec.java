package dev.sommelier.backbones;

import java.util.Map;

/**
 * A configured backbone: what the registry lists and a model file records.
 *
 * @param name registry name ({@code resnet50}, {@code mobilenet_v1})
 * @param options architecture options, e.g. {@code alpha=0.5}; empty when there are none
 * @param inputSize square input size in pixels
 * @param minInputSize smallest input size Keras accepts for this architecture
 * @param preprocessing how input pixels are scaled
 * @param gradCamLayer default layer to explain
 * @param features the final feature map
 */
public record BackboneSpec(
    String name,
    Map<String, String> options,
    int inputSize,
    int minInputSize,
    Preprocessing preprocessing,
    String gradCamLayer,
    FeatureDescription features) {

  public BackboneSpec {
    options = Map.copyOf(options);
    if (inputSize < minInputSize) {
      throw new IllegalArgumentException(
          name + " needs an input of at least " + minInputSize + "x" + minInputSize + ", got "
              + inputSize + "x" + inputSize);
    }
  }

  /** The name with its options, as a user would write it: {@code mobilenet_v1:alpha=0.5}. */
  public String qualifiedName() {
    if (options.isEmpty()) {
      return name;
    }
    StringBuilder b = new StringBuilder(name);
    char sep = ':';
    for (var e : new java.util.TreeMap<>(options).entrySet()) {
      b.append(sep).append(e.getKey()).append('=').append(e.getValue());
      sep = ',';
    }
    return b.toString();
  }
}
