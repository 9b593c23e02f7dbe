package dev.sommelier.backbones.keras;

import dev.sommelier.backbones.Backbone;
import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.backbones.Preprocessing;
import dev.sommelier.core.ModelRuntime;
import dev.sommelier.core.ModelVariable;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a backbone from the weights of a Keras file of any format, without rebuilding the Keras
 * model: the backbone's variables are matched by Keras name to the file's arrays (through an older
 * name generation when the file uses one) and assigned in one run. Strict for the backbone: every
 * backbone variable needs an array of its shape, and every array of a backbone layer must be used;
 * the arrays of a top are left aside. The input size may differ from the file's.
 */
public final class KerasBackboneWeights {

  private static final Logger LOG = LoggerFactory.getLogger(KerasBackboneWeights.class);

  private KerasBackboneWeights() {}

  /**
   * The preprocessing the model in {@code path} carries in its own layers, or empty when it has
   * none (the backbone's default then applies). Reads the layer list only.
   *
   * @param backbone the backbone to start, which tells where the file's backbone begins when no
   *     registered backbone is recognised in it
   * @throws IllegalArgumentException when the file is not a Keras model or its layers before the
   *     backbone compute something else
   */
  public static Optional<Preprocessing> ownPreprocessing(
      Path path, Backbone backbone, BackboneRegistry registry) {
    return inputLayers(path, backbone, registry).transform();
  }

  /**
   * The layers the model in {@code path} puts between its input and its backbone (none for a file
   * of weights only): what they compute and which of them are {@code Random*} augmentation layers.
   * Reads the layer list only.
   *
   * @throws IllegalArgumentException as {@link #ownPreprocessing}
   */
  public static PreprocessingChain inputLayers(
      Path path, Backbone backbone, BackboneRegistry registry) {
    try (KerasModelSource source = KerasModelSources.open(path)) {
      // A weight file has no layers before its backbone; recognising its backbone would read every
      // array (the kernels' shapes) only to learn that.
      return source.layers().isEmpty() ? PreprocessingChain.none()
          : chain(source, recognized(source, backbone, registry));
    }
  }

  /**
   * Copies the backbone weights of the Keras file at {@code path} into {@code backbone}'s variables
   * in {@code runtime}.
   *
   * @param preprocessing how the model preprocesses its input, which must be what the file's own
   *     preprocessing layers compute, when it has any
   * @return how many variables were set
   * @throws IllegalArgumentException when the file holds another backbone (naming both and the
   *     {@code --backbone} to choose), lacks a weight, has one of the wrong shape or an unused one
   *     of a backbone layer, or preprocesses differently
   */
  public static int copyInto(ModelRuntime runtime, Backbone backbone, Preprocessing preprocessing,
      Path path, BackboneRegistry registry) {
    try (KerasModelSource source = KerasModelSources.open(path)) {
      String ours = backbone.spec().qualifiedName();
      BackboneRecognizer.Recognized found = recognized(source, backbone, registry);
      String theirs = found.backbone().spec().qualifiedName();
      if (!theirs.equals(ours)) {
        throw new IllegalArgumentException(path + " holds " + theirs + " weights, the model is "
            + ours + "; choose --backbone " + theirs);
      }
      Optional<Preprocessing> own = chain(source, found).transform();
      if (own.isPresent() && !own.get().sameTransform(preprocessing)) {
        throw new IllegalArgumentException(path + " preprocesses its input as "
            + own.get().description() + " in its own layers, but the model preprocesses as "
            + preprocessing.description() + "; its backbone weights expect the former");
      }
      List<ModelVariable> targets = runtime.variables().all().stream()
          .filter(v -> backbone.blockOf(v.layer()) >= 0).toList();
      Set<String> layers = new HashSet<>();
      targets.forEach(v -> layers.add(v.layer()));
      WeightMatch match = WeightMatch.of(source, targets, found.names(), layers, Set.of());
      match.assign(runtime);
      if (!match.leftAside().isEmpty()) {
        LOG.info("{}: left aside {} arrays of layers outside the backbone: {}", path,
            match.leftAside().size(), match.leftAside());
      }
      LOG.info("backbone {} starts from the {} weights of {} ({})", ours, match.size(), path,
          source.format());
      return match.size();
    }
  }

  /**
   * The registered backbone the file holds; when none is recognised, the caller's, under today's
   * names (a backbone a provider cannot recognise, whose weights then match by name or not).
   */
  private static BackboneRecognizer.Recognized recognized(
      KerasModelSource source, Backbone backbone, BackboneRegistry registry) {
    return BackboneRecognizer.find(source, registry, backbone.spec().inputSize())
        .orElse(new BackboneRecognizer.Recognized(backbone, BackboneRecognizer.SAME_NAMES));
  }

  /** The layers before the backbone of a model file, or none for a weight file. */
  private static PreprocessingChain chain(
      KerasModelSource source, BackboneRecognizer.Recognized r) {
    if (source.layers().isEmpty()) {
      return PreprocessingChain.none();
    }
    List<KerasLayer> layers = source.layers().get();
    List<KerasLayer> before = layers.subList(0, r.firstLayer(layers));
    String input = before.stream().filter(l -> l.className().equals("InputLayer"))
        .map(KerasLayer::name).findFirst().orElse("");
    return PreprocessingChain.read(
        before.stream().filter(l -> !l.className().equals("InputLayer")).toList(), input, source);
  }
}
