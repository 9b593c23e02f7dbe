package dev.sommelier.tasks.model;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.backbones.keras.ImportedModel;
import dev.sommelier.backbones.keras.KerasLayer;
import dev.sommelier.backbones.keras.KerasLoss;
import dev.sommelier.backbones.keras.KerasModelImporter;
import dev.sommelier.backbones.keras.KerasModelSource;
import dev.sommelier.backbones.keras.KerasModelSources;
import dev.sommelier.core.Device;
import dev.sommelier.core.ModelRuntime;
import dev.sommelier.core.ModelVariable;
import dev.sommelier.core.WeightAssigner;
import dev.sommelier.core.layers.BatchNormMode;
import dev.sommelier.heads.HeadLayer;
import dev.sommelier.heads.HeadSpec;
import dev.sommelier.heads.OutputFunction;
import dev.sommelier.heads.Pooling;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Turns a Keras classifier or regressor, in any format {@link KerasModelSources} reads (a supported
 * backbone, optional preprocessing layers before it, a top the foundation rebuilds), into a {@link
 * TaskModel} with a Sommelier head, so it can be evaluated, explained, served or trained further
 * from Java. The top must be: Flatten or GlobalAveragePooling2D, optional Dropout, hidden ReLU
 * Dense layers, and a final softmax Dense (classes), a linear Dense(k > 1) whose saved loss says
 * it gives class logits (classes, probabilities = softmax), a sigmoid Dense(k >= 1) (k labels;
 * k = 1 is a binary classifier: one label decided at a threshold), or a linear Dense(1) (a value);
 * MobileNet's ImageNet top (a 1x1 {@code conv_preds} convolution) counts as the final Dense. The
 * model's own preprocessing layers become the model's preprocessing.
 */
public final class KerasModelConverter {

  private KerasModelConverter() {}

  /**
   * A Keras top read as a Sommelier head, the Keras layer that feeds each head layer, and what
   * the output means.
   */
  private record HeadPlan(HeadSpec spec, Map<String, String> layerFor, String output) {}

  /**
   * Converts the Keras model at {@code path}.
   *
   * @param labels class names file (one per line, index order), or null for "0", "1", ...
   * @throws IllegalArgumentException when the top has no Sommelier head equivalent, or the labels
   *     do not match the number of classes
   */
  public static KerasConversion convert(
      Path path, Path labels, BackboneRegistry registry, Device device, long seed) {
    try (KerasModelSource source = KerasModelSources.open(path);
        ModelRuntime keras = ModelRuntime.open(device, seed)) {
      ImportedModel imported = KerasModelImporter.rebuild(source, registry, keras);
      HeadPlan plan = plan(path, imported.top(), KerasLoss.of(source.trainingConfig()));
      List<String> classes = classes(labels, plan.spec());
      ModelConfig config =
          new ModelConfig(imported.backbone().spec().qualifiedName(),
              imported.backbone().spec().inputSize(), plan.spec(), classes, BatchNormMode.FROZEN,
              seed, imported.preprocessingLayers().transform().orElse(null));
      TaskModel model = TaskModel.create(config, registry, device);
      try {
        copyWeights(keras, model.runtime(), plan.layerFor());
        return new KerasConversion(model, facts(source, imported, plan));
      } catch (RuntimeException e) {
        model.close();
        throw e;
      }
    }
  }

  /** What model.json records of the Keras model: where from, its output, its input layers. */
  private static Map<String, Object> facts(
      KerasModelSource source, ImportedModel imported, HeadPlan plan) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("source", source.path().toAbsolutePath().toString());
    facts.put("format", source.format());
    facts.put("output", plan.output());
    facts.put("preprocessing", imported.preprocessing().description()
        + (imported.preprocessingLayers().transform().isPresent()
            ? " (the model's own layers)" : " (the backbone's)"));
    facts.put("preprocessingLayers", imported.preprocessingLayers().layers().stream()
        .map(l -> l.name() + " (" + l.className() + ")").toList());
    List<Map<String, Object>> augmentation = new ArrayList<>();
    for (KerasLayer l : imported.preprocessingLayers().augmentation()) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("name", l.name());
      a.put("class", l.className());
      a.put("config", l.config());
      augmentation.add(a);
    }
    facts.put("augmentation", augmentation);
    return facts;
  }

  private static HeadPlan plan(Path path, List<KerasLayer> top, Optional<KerasLoss> loss) {
    if (top.isEmpty()) {
      throw new IllegalArgumentException(
          path + " is a bare backbone: it has no classifier or regressor top");
    }
    Pooling pooling =
        switch (top.get(0).className()) {
          case "Flatten" -> Pooling.FLATTEN;
          case "GlobalAveragePooling2D" -> Pooling.GAP;
          default -> throw new IllegalArgumentException(
              path + ": the top starts with " + top.get(0).className()
                  + "; a Sommelier head starts with Flatten or GlobalAveragePooling2D");
        };
    List<KerasLayer> dense = new ArrayList<>();
    float dropout = 0f;
    String finalActivation = "linear";
    for (KerasLayer l : top.subList(1, top.size())) {
      switch (l.className()) {
        case "Dense", "Conv2D" -> {
          dense.add(l);
          finalActivation = l.text("activation", "linear");
        }
        case "Dropout" -> dropout = Math.max(dropout, (float) l.config().path("rate").asDouble());
        case "Activation" -> finalActivation = l.text("activation", "linear");
        case "Reshape" -> { }
        default -> throw new IllegalArgumentException(
            path + ": layer " + l.name() + " (" + l.className()
                + ") has no Sommelier head equivalent");
      }
    }
    if (dense.isEmpty()) {
      throw new IllegalArgumentException(path + ": the top has no Dense output layer");
    }
    List<Integer> hidden = new ArrayList<>();
    for (KerasLayer l : dense.subList(0, dense.size() - 1)) {
      if (!l.text("activation", "linear").equals("relu")) {
        throw new IllegalArgumentException(
            path + ": hidden layer " + l.name() + " must use relu, it uses "
                + l.text("activation", "linear"));
      }
      hidden.add(units(l));
    }
    KerasLayer last = dense.get(dense.size() - 1);
    int outputs = units(last);
    String output = output(path, last, outputs, finalActivation, loss);
    OutputFunction function = finalActivation.equals("sigmoid") ? OutputFunction.SIGMOID
        : outputs > 1 ? OutputFunction.SOFTMAX : OutputFunction.LINEAR;
    String type = switch (function) {
      case SOFTMAX -> hidden.isEmpty() ? "softmax" : "mlp";
      case SIGMOID -> hidden.isEmpty() ? "multilabel" : "mlp";
      case LINEAR -> hidden.size() == 1 ? "regressor" : "mlp";
    };
    HeadSpec spec = new HeadSpec(type, outputs, pooling, hidden, dropout, function);
    // The head's Dense layers, as it names them, take the top's Dense layers' weights in order.
    List<String> ours = spec.create().layers().stream()
        .filter(l -> l.kind() == HeadLayer.Kind.DENSE).map(HeadLayer::name).toList();
    Map<String, String> layerFor = new HashMap<>();
    for (int i = 0; i < dense.size(); i++) {
      layerFor.put(ours.get(i), dense.get(i).name());
    }
    return new HeadPlan(spec, layerFor, output);
  }

  /**
   * What the last layer's output means, in words for model.json.
   *
   * @throws IllegalArgumentException for an output that is neither class probabilities, class
   *     logits the saved loss vouches for, nor one value
   */
  private static String output(Path path, KerasLayer last, int outputs, String activation,
      Optional<KerasLoss> loss) {
    String layer = last.className() + " '" + last.name() + "' (" + outputs + " units)";
    if (activation.equals("softmax") && outputs > 1) {
      return "class probabilities: softmax of " + layer;
    }
    if (activation.equals("linear") && outputs == 1) {
      return "one value: " + layer + ", linear";
    }
    if (activation.equals("linear") && loss.filter(KerasLoss::categoricalFromLogits).isPresent()) {
      return "class probabilities: softmax of the logits of " + layer + ", which the model was"
          + " trained on with " + loss.get().describe();
    }
    if (activation.equals("linear")) {
      throw new IllegalArgumentException(path + ": the output " + layer + " is linear, and "
          + loss.map(l -> "the saved loss " + l.describe() + " does not say")
              .orElse("the file holds no training config that says")
          + " whether it gives class logits; save the model compiled with"
          + " SparseCategoricalCrossentropy(from_logits=True) or"
          + " CategoricalCrossentropy(from_logits=True), or give the last layer a softmax"
          + " activation");
    }
    if (activation.equals("sigmoid")) {
      return "label probabilities: sigmoid of " + layer + (outputs == 1
          ? ", one label: a binary classifier deciding at a threshold" : ", labels independent");
    }
    throw new IllegalArgumentException(path + ": the output " + layer + " uses " + activation
        + "; Sommelier heads are softmax classifiers (or class logits trained from_logits=True),"
        + " sigmoid labels or one linear value");
  }

  private static int units(KerasLayer l) {
    return l.config().has("units") ? l.config().get("units").asInt() : l.config().path("filters").asInt();
  }

  private static List<String> classes(Path labels, HeadSpec spec) {
    if (spec.output() == OutputFunction.LINEAR) {
      return List.of();
    }
    if (labels == null) {
      return IntStream.range(0, spec.outputs()).mapToObj(Integer::toString).toList();
    }
    try {
      List<String> names = Files.readAllLines(labels).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
      if (names.size() != spec.outputs()) {
        throw new IllegalArgumentException(
            labels + " names " + names.size() + " classes (or labels) but the model has "
                + spec.outputs());
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + labels + ": " + e.getMessage(), e);
    }
  }

  /** Copies every variable by name (head layers renamed), reshaping a 1x1 conv kernel to Dense. */
  private static void copyWeights(ModelRuntime from, ModelRuntime to, Map<String, String> layerFor) {
    Map<String, ModelVariable> sources = new LinkedHashMap<>();
    for (ModelVariable t : to.variables().all()) {
      String layer = layerFor.getOrDefault(t.layer(), t.layer());
      String weight = t.name().substring(t.name().lastIndexOf('/') + 1);
      ModelVariable s = from.variables().get(layer + "/" + weight);
      if (s == null || s.size() != t.size()) {
        throw new IllegalStateException("no weight of matching size for " + t.name() + " in the Keras model");
      }
      sources.put(t.name(), s);
    }
    new WeightAssigner(to).copy(from, sources);
  }
}
