package dev.sommelier.backbones;

import java.util.Map;

/**
 * The Keras layer names of an older generation of a backbone, each mapped one-to-one onto the name
 * the backbone builds today, so that old weight files import by name. A provider lists its maps in
 * {@link BackboneProvider#kerasNameMaps()}; layers a map does not name keep their names.
 *
 * @param generation which Keras wrote those names, for messages: {@code Keras <= 2.2.4}
 * @param layers old layer name to today's ({@code bn_conv1} to {@code conv1_bn})
 */
public record KerasNameMap(String generation, Map<String, String> layers) {

  public KerasNameMap {
    layers = Map.copyOf(layers);
  }

  /** Today's name of layer {@code name}. */
  public String layer(String name) {
    return layers.getOrDefault(name, name);
  }

  /**
   * Today's name of weight {@code layer/weight}: {@code bn_conv1/gamma} becomes {@code
   * conv1_bn/gamma}.
   */
  public String weight(String name) {
    int slash = name.lastIndexOf('/');
    return slash < 0 ? name : layer(name.substring(0, slash)) + name.substring(slash);
  }
}
