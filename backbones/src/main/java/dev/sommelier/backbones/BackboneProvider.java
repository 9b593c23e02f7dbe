package dev.sommelier.backbones;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Service-provider interface of the backbone registry. A jar adds a backbone by implementing this
 * and naming the class in {@code META-INF/services/dev.sommelier.backbones.BackboneProvider}.
 */
public interface BackboneProvider {

  /** Registry name, unique: {@code resnet50}. */
  String name();

  /**
   * The input size the architecture is built at when none is given, in pixels: for a Keras
   * architecture Keras's own default input shape (224 for ResNet50 and MobileNet), so that {@code
   * summary} matches Keras's {@code model.summary()}.
   */
  int defaultInputSize();

  /**
   * The input size {@code train} uses when none is given, in pixels (default: {@link
   * #defaultInputSize}). A provider whose usual transfer-learning size is smaller than its
   * architecture's default says so here.
   */
  default int trainingInputSize() {
    return defaultInputSize();
  }

  /**
   * Creates the backbone.
   *
   * @param inputSize square input size
   * @param options architecture options ({@code alpha}); unknown options are an error
   * @throws IllegalArgumentException naming the bad option or size and what is accepted
   */
  Backbone create(int inputSize, Map<String, String> options);

  /** Example configurations to list in the registry (each distinct option set once). */
  default List<Map<String, String>> listedOptions() {
    return List.of(Map.of());
  }

  /**
   * Recognises this architecture in a Keras model's layer names (in model order) and returns the
   * options that rebuild it, or empty when the names are not this architecture's.
   *
   * @param layerNames all layer names of the Keras model, or of a weight file's layers (which may
   *     leave out layers without weights); recognise by layers with weights where possible
   * @param firstConvFilters filters of the first Conv2D layer (MobileNet's width multiplier shows
   *     there), or -1 when there is none
   */
  default Optional<Map<String, String>> recognize(List<String> layerNames, long firstConvFilters) {
    return Optional.empty();
  }

  /**
   * The Keras files of this architecture's ImageNet weights for {@code options} at about {@code
   * inputSize}, or empty when Keras publishes none (used by {@link ImageNetWeights}).
   */
  default Optional<KerasImageNetFiles> imageNetFiles(int inputSize, Map<String, String> options) {
    return Optional.empty();
  }

  /**
   * Older generations of Keras layer names for this backbone, each mapped onto today's names
   * (standalone Keras up to 2.2.4 named ResNet50's layers {@code conv1}, {@code bn_conv1},
   * {@code res2a_branch2a}, ...). Recognition and weight import try each map after today's names.
   */
  default List<KerasNameMap> kerasNameMaps() {
    return List.of();
  }
}
