package dev.sommelier.backbones;

/**
 * What a head needs to know of a backbone's feature map, and nothing more.
 *
 * @param layer Keras name of the layer that gives the final unpooled feature map
 * @param channels channels of that map
 * @param reduction how many input pixels one feature-map cell spans per axis (32 for both
 *     ResNet50 and MobileNetV1)
 */
public record FeatureDescription(String layer, long channels, int reduction) {}
