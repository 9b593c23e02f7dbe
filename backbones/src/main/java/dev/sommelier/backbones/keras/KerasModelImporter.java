package dev.sommelier.backbones.keras;

import dev.sommelier.backbones.Backbone;
import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.backbones.KerasNameMap;
import dev.sommelier.core.ModelRuntime;
import dev.sommelier.core.layers.LayerGraph;
import dev.sommelier.core.layers.LayerInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Rebuilds a Keras classifier or regressor (input, optional preprocessing layers, a supported
 * backbone, a chain of top layers) from any {@link KerasModelSource} in a {@link ModelRuntime}, and
 * imports its weights by Keras name. A file of weights only rebuilds as the bare backbone at its
 * default input size. Strict: a missing weight, a weight of a rebuilt layer that nothing uses, or a
 * shape mismatch is an error that lists the names.
 */
public final class KerasModelImporter {

  private static final Logger LOG = LoggerFactory.getLogger(KerasModelImporter.class);

  private KerasModelImporter() {}

  /**
   * Rebuilds the model of {@code source} into {@code runtime}.
   *
   * @throws IllegalArgumentException when no registered backbone matches, a layer before or after
   *     the backbone is not supported, or the weights do not fit (the message names the file and
   *     lists what and where)
   */
  public static ImportedModel rebuild(
      KerasModelSource source, BackboneRegistry registry, ModelRuntime runtime) {
    if (source.layers().isEmpty()) {
      return rebuildBackbone(source, registry, runtime);
    }
    List<KerasLayer> layers = source.layers().get();
    List<KerasLayer> inputs =
        layers.stream().filter(l -> l.className().equals("InputLayer")).toList();
    if (inputs.size() != 1) {
      throw new IllegalArgumentException(source.path() + ": the Keras model has " + inputs.size()
          + " inputs; one image input is needed");
    }
    KerasLayer inputLayer = inputs.get(0);
    BackboneRecognizer.Recognized recognized = BackboneRecognizer.recognize(source, registry, 0);
    KerasNameMap names = recognized.names();
    int start = recognized.firstLayer(layers);
    PreprocessingChain chain = PreprocessingChain.read(
        layers.subList(0, start).stream().filter(l -> l != inputLayer).toList(),
        inputLayer.name(), source);
    int size = chain.size() > 0 ? chain.size() : squareInput(source, inputLayer);
    Backbone backbone = registry.create(recognized.backbone().spec().qualifiedName(), size);

    LayerGraph g = LayerGraph.inference(runtime);
    Placeholder<TFloat32> input = g.input(inputLayer.name(), size, size, 3);
    Operand<TFloat32> features = backbone.build(g, input);
    Set<String> built = new HashSet<>();
    g.layers().forEach(l -> built.add(l.name()));
    checkBackboneLayers(source, g, backbone, layers, names);
    KerasLayer first = layers.get(start);
    if (!first.inbound().equals(List.of(chain.output(inputLayer.name())))) {
      throw new IllegalArgumentException(source.path() + ": the backbone's first layer "
          + first.name() + " takes " + first.inbound() + " instead of "
          + chain.output(inputLayer.name()));
    }
    List<KerasLayer> top = layers.subList(start, layers.size()).stream()
        .filter(l -> !built.contains(names.layer(l.name()))).toList();
    Operand<TFloat32> output;
    try {
      output = KerasTopBuilder.build(g, features, backbone.spec().features().layer(), top);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source.path() + ": " + e.getMessage(), e);
    }

    Set<String> imported = new HashSet<>();
    layers.forEach(l -> imported.add(names.layer(l.name())));
    WeightMatch match = WeightMatch.of(
        source, runtime.variables().all(), names, imported, chain.usedWeights());
    match.assign(runtime);
    LOG.info("rebuilt {} ({}): backbone {} at {}x{}, {} preprocessing layers, {} top layers,"
            + " {} variables imported", source.path(), source.format(),
        backbone.spec().qualifiedName(), size, size, chain.layers().size(), top.size(),
        match.size());
    return new ImportedModel(
        backbone, g, input, output, top, chain, match.size(), match.leftAside());
  }

  /** A file of weights only: the recognised backbone at its default size, no top. */
  private static ImportedModel rebuildBackbone(
      KerasModelSource source, BackboneRegistry registry, ModelRuntime runtime) {
    BackboneRecognizer.Recognized recognized = BackboneRecognizer.recognize(source, registry, 0);
    Backbone backbone = recognized.backbone();
    int size = backbone.spec().inputSize();
    LayerGraph g = LayerGraph.inference(runtime);
    Placeholder<TFloat32> input = g.input("input_1", size, size, 3);
    Operand<TFloat32> features = backbone.build(g, input);
    Set<String> built = new HashSet<>();
    g.layers().forEach(l -> built.add(l.name()));
    WeightMatch match = WeightMatch.of(
        source, runtime.variables().all(), recognized.names(), built, Set.of());
    match.assign(runtime);
    if (!match.leftAside().isEmpty()) {
      LOG.info("{}: left aside {} arrays of layers after the backbone, which a weight file cannot"
          + " describe: {}", source.path(), match.leftAside().size(), match.leftAside());
    }
    LOG.info("rebuilt {} ({}): backbone {} at its default {}x{}, {} variables imported",
        source.path(), source.format(), backbone.spec().qualifiedName(), size, size, match.size());
    return new ImportedModel(backbone, g, input, features, List.of(), PreprocessingChain.none(),
        match.size(), match.leftAside());
  }

  private static int squareInput(KerasModelSource source, KerasLayer inputLayer) {
    List<Long> shape = inputLayer.longs(
        inputLayer.config().has("batch_input_shape") ? "batch_input_shape" : "batch_shape");
    if (shape.size() != 4 || !shape.get(1).equals(shape.get(2)) || shape.get(1) <= 0
        || shape.get(3) != 3) {
      throw new IllegalArgumentException(source.path() + ": input " + inputLayer.name()
          + " has shape " + shape + "; a square RGB image input (None, n, n, 3), or a Resizing"
          + " layer to a square size, is needed");
    }
    return shape.get(1).intValue();
  }

  /**
   * Every layer the backbone builds must be in the saved model, except a padding layer whose
   * convolution the saved model pads "same" to the same effect.
   */
  private static void checkBackboneLayers(KerasModelSource source, LayerGraph g, Backbone backbone,
      List<KerasLayer> layers, KerasNameMap names) {
    Map<String, KerasLayer> saved = new LinkedHashMap<>();
    layers.forEach(l -> saved.put(names.layer(l.name()), l));
    List<String> missing = new ArrayList<>();
    for (LayerInfo l : g.layers()) {
      if (l.type().equals("InputLayer") || saved.containsKey(l.name())) {
        continue;
      }
      String why = l.type().equals("ZeroPadding2D") ? SamePadding.whyNot(g, l.name(), saved)
          : "";
      if (why == null) {
        LOG.info("{}: no {} in the saved model; its convolution pads 'same', which is the same"
            + " here", source.path(), l.name());
      } else {
        missing.add(l.name() + (why.isEmpty() ? "" : " (" + why + ")"));
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(source.path() + ": the model looks like "
          + backbone.spec().qualifiedName() + " but lacks its layers " + missing);
    }
  }
}
