package dev.sommelier.backbones.keras;

import dev.sommelier.backbones.Backbone;
import dev.sommelier.backbones.BackboneProvider;
import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.core.ModelRuntime;
import dev.sommelier.core.ModelVariable;
import dev.sommelier.core.WeightAssigner;
import dev.sommelier.core.layers.LayerGraph;
import dev.sommelier.core.layers.LayerInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Rebuilds a Keras classifier or regressor saved as a SavedModel (a supported backbone plus a
 * chain of top layers) in a {@link ModelRuntime}, reading the layer list from the model itself,
 * and imports its weights by Keras name. Strict: a missing weight, a weight of a model layer that
 * nothing uses, or a shape mismatch is an error that lists the names.
 */
public final class KerasModelImporter {

  private static final Logger LOG = LoggerFactory.getLogger(KerasModelImporter.class);

  private KerasModelImporter() {}

  /**
   * Rebuilds the model saved in {@code dir} (already loaded as {@code bundle}) into {@code runtime}.
   *
   * @throws IllegalArgumentException when no registered backbone matches, a top layer is not
   *     supported, or the weights do not fit (the message lists what and where)
   */
  public static ImportedModel rebuild(
      Path dir, SavedModelBundle bundle, BackboneRegistry registry, ModelRuntime runtime) {
    List<KerasLayer> layers = KerasMetadata.layers(dir);
    KerasLayer inputLayer =
        layers.stream()
            .filter(l -> l.className().equals("InputLayer"))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException(dir + ": the Keras model has no InputLayer"));
    List<Long> shape = inputLayer.longs(inputLayer.config().has("batch_input_shape") ? "batch_input_shape" : "batch_shape");
    if (shape.size() != 4 || !shape.get(1).equals(shape.get(2)) || shape.get(3) != 3) {
      throw new IllegalArgumentException(
          dir + ": input " + inputLayer.name() + " has shape " + shape
              + "; a square RGB image input (None, n, n, 3) is needed");
    }
    Backbone backbone = recognize(dir, layers, registry, shape.get(1).intValue());
    LayerGraph g = LayerGraph.inference(runtime);
    Placeholder<TFloat32> input = g.input(inputLayer.name(), shape.get(1), shape.get(2), 3);
    Operand<TFloat32> features = backbone.build(g, input);

    Set<String> built = new HashSet<>();
    g.layers().forEach(l -> built.add(l.name()));
    Set<String> kerasNames = new HashSet<>();
    layers.forEach(l -> kerasNames.add(l.name()));
    List<String> missing = g.layers().stream().map(LayerInfo::name).filter(n -> !kerasNames.contains(n)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          dir + ": the model looks like " + backbone.spec().qualifiedName() + " but lacks its layers "
              + missing);
    }
    List<KerasLayer> top = layers.stream().filter(l -> !built.contains(l.name())).toList();
    Operand<TFloat32> output =
        KerasTopBuilder.build(g, features, backbone.spec().features().layer(), top);

    try (KerasWeights weights = KerasWeights.read(bundle)) {
      List<String> ignored = importWeights(dir, runtime, weights.values(), kerasNames);
      LOG.info(
          "rebuilt {} from {}: backbone {}, {} top layers, {} variables imported",
          dir.getFileName(),
          dir,
          backbone.spec().qualifiedName(),
          top.size(),
          runtime.variables().all().size());
      return new ImportedModel(
          backbone, g, input, output, top, runtime.variables().all().size(), ignored);
    }
  }

  private static Backbone recognize(
      Path dir, List<KerasLayer> layers, BackboneRegistry registry, int inputSize) {
    List<String> names = layers.stream().map(KerasLayer::name).toList();
    long firstConvFilters =
        layers.stream()
            .filter(l -> l.className().equals("Conv2D"))
            .findFirst()
            .map(l -> l.config().path("filters").asLong())
            .orElse(-1L);
    List<Backbone> matches = new ArrayList<>();
    for (BackboneProvider p : registry.providers()) {
      p.recognize(names, firstConvFilters).ifPresent(o -> matches.add(p.create(inputSize, o)));
    }
    if (matches.size() != 1) {
      throw new IllegalArgumentException(
          dir + ": " + (matches.isEmpty() ? "no registered backbone" : matches.size() + " backbones")
              + " match the model's layer names (known backbones: "
              + registry.providers().stream().map(BackboneProvider::name).toList() + ")");
    }
    return matches.get(0);
  }

  /** Imports strictly; returns the SavedModel variables that belong to no model layer. */
  private static List<String> importWeights(
      Path dir, ModelRuntime runtime, Map<String, TFloat32> saved, Set<String> kerasLayers) {
    Map<String, TFloat32> assign = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    List<String> badShape = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (ModelVariable v : runtime.variables().all()) {
      String key = resolve(saved, v.name());
      if (key == null) {
        missing.add(v.name());
      } else if (!saved.get(key).shape().equals(v.shape())) {
        badShape.add(v.name() + " (model " + v.shape() + ", saved " + saved.get(key).shape() + ")");
      } else {
        assign.put(v.name(), saved.get(key));
        used.add(key);
      }
    }
    List<String> unused = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    for (String key : saved.keySet()) {
      if (used.contains(key)) {
        continue;
      }
      String layer = key.contains("/") ? key.substring(0, key.lastIndexOf('/')) : key;
      String leaf = layer.contains("/") ? layer.substring(layer.lastIndexOf('/') + 1) : layer;
      (kerasLayers.contains(leaf) ? unused : ignored).add(key);
    }
    if (!missing.isEmpty() || !badShape.isEmpty() || !unused.isEmpty()) {
      throw new IllegalArgumentException(
          dir + ": weights do not fit the rebuilt model: missing " + missing + ", wrong shape "
              + badShape + ", unused " + unused);
    }
    if (!ignored.isEmpty()) {
      LOG.info("ignored {} SavedModel variables outside the model's layers: {}", ignored.size(), ignored);
    }
    new WeightAssigner(runtime).assign(assign);
    return ignored;
  }

  /** The saved name for a model variable: exact, or the one saved name ending in "/" + name. */
  private static String resolve(Map<String, TFloat32> saved, String name) {
    if (saved.containsKey(name)) {
      return name;
    }
    List<String> candidates =
        saved.keySet().stream().filter(k -> k.endsWith("/" + name)).toList();
    return candidates.size() == 1 ? candidates.get(0) : null;
  }
}
