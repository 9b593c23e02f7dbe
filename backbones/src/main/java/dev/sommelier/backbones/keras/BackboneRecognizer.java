package dev.sommelier.backbones.keras;

import dev.sommelier.backbones.Backbone;
import dev.sommelier.backbones.BackboneProvider;
import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.backbones.KerasNameMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the registered backbone in a Keras source by its layer names and the first convolution's
 * filters (from the config, or for a weight file from the kernels' shapes), trying each provider's
 * older name generations after today's names. A convolution the model puts before its backbone
 * does not hide the backbone's: each convolution's filters are tried in model order.
 */
final class BackboneRecognizer {

  /** Today's names. */
  static final KerasNameMap SAME_NAMES = new KerasNameMap("today's Keras", Map.of());

  /**
   * A recognised backbone.
   *
   * @param backbone created at the requested input size
   * @param names how the source's names map onto the backbone's
   */
  record Recognized(Backbone backbone, KerasNameMap names) {

    /**
     * The index in {@code layers} of the backbone's first layer: the first layer, other than an
     * input, that the backbone knows.
     */
    int firstLayer(List<KerasLayer> layers) {
      for (int i = 0; i < layers.size(); i++) {
        KerasLayer l = layers.get(i);
        if (!l.className().equals("InputLayer") && backbone.blockOf(names.layer(l.name())) >= 0) {
          return i;
        }
      }
      throw new IllegalStateException("a recognised backbone has no layer in the model");
    }
  }

  private BackboneRecognizer() {}

  /**
   * The one backbone that matches {@code source}.
   *
   * @param inputSize the size to create it at
   * @throws IllegalArgumentException naming the file when none or several match
   */
  static Recognized recognize(KerasModelSource source, BackboneRegistry registry, int inputSize) {
    return find(source, registry, inputSize).orElseThrow(() -> new IllegalArgumentException(
        source.path() + ": no registered backbone matches the layer names of this "
            + source.format() + " (known backbones: "
            + registry.providers().stream().map(BackboneProvider::name).toList() + ")"));
  }

  /**
   * The backbone that matches {@code source}, or empty when none does.
   *
   * @throws IllegalArgumentException when several match
   */
  static Optional<Recognized> find(
      KerasModelSource source, BackboneRegistry registry, int inputSize) {
    List<Long> filters = convFilters(source);
    List<Recognized> matches = new ArrayList<>();
    for (BackboneProvider p : registry.providers()) {
      List<KerasNameMap> maps = new ArrayList<>(List.of(SAME_NAMES));
      maps.addAll(p.kerasNameMaps());
      Optional<Recognized> match = Optional.empty();
      for (int m = 0; m < maps.size() && match.isEmpty(); m++) {
        KerasNameMap map = maps.get(m);
        List<String> names = source.layerNames().stream().map(map::layer).toList();
        for (int f = 0; f < filters.size() && match.isEmpty(); f++) {
          match = p.recognize(names, filters.get(f)).map(options -> new Recognized(
              p.create(inputSize > 0 ? inputSize : p.defaultInputSize(), options), map));
        }
      }
      match.ifPresent(matches::add);
    }
    if (matches.size() > 1) {
      throw new IllegalArgumentException(source.path() + ": the layer names fit several backbones: "
          + matches.stream().map(m -> m.backbone().spec().qualifiedName()).toList());
    }
    return matches.stream().findFirst();
  }

  /**
   * The filters of each Conv2D in model order, distinct, from the config when there is one, else
   * from the 4-d kernels; {@code [-1]} when there is none.
   */
  private static List<Long> convFilters(KerasModelSource source) {
    List<Long> filters = source.layers().isPresent()
        ? source.layers().get().stream()
            .filter(l -> l.className().equals("Conv2D"))
            .map(l -> l.config().path("filters").asLong())
            .distinct().toList()
        : source.weights().values().stream()
            .filter(w -> w.weight().equals("kernel") && w.shape().numDimensions() == 4)
            .map(w -> w.shape().get(3))
            .distinct().toList();
    return filters.isEmpty() ? List.of(-1L) : filters;
  }
}
