package dev.sommelier.tasks.model;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.backbones.keras.ImportedModel;
import dev.sommelier.backbones.keras.KerasLayer;
import dev.sommelier.backbones.keras.KerasModelImporter;
import dev.sommelier.backbones.keras.KerasModelSource;
import dev.sommelier.backbones.keras.KerasModelSources;
import dev.sommelier.core.Device;
import dev.sommelier.core.ModelRuntime;
import dev.sommelier.core.ModelVariable;
import dev.sommelier.core.WeightAssigner;
import dev.sommelier.core.layers.BatchNormMode;
import dev.sommelier.heads.HeadSpec;
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
import java.util.stream.IntStream;

/**
 * Turns a Keras classifier or regressor (a supported backbone plus a top the foundation rebuilds)
 * into a {@link TaskModel} with a Sommelier head, so it can be evaluated, explained, served or
 * trained further from Java. The top must be: Flatten or GlobalAveragePooling2D, optional Dropout,
 * hidden ReLU Dense layers, and a final softmax Dense (classes) or linear Dense(1) (a value);
 * MobileNet's ImageNet top (a 1x1 {@code conv_preds} convolution) counts as the final Dense.
 */
public final class KerasModelConverter {

  private KerasModelConverter() {}

  /** A Keras top read as a Sommelier head, and the Keras layer that feeds each head layer. */
  private record HeadPlan(HeadSpec spec, Map<String, String> layerFor) {}

  /**
   * Converts the Keras SavedModel in {@code dir}.
   *
   * @param labels class names file (one per line, index order), or null for "0", "1", ...
   * @throws IllegalArgumentException when the top has no Sommelier head equivalent, or the labels
   *     do not match the number of classes
   */
  public static TaskModel convert(
      Path dir, Path labels, BackboneRegistry registry, Device device, long seed) {
    try (KerasModelSource source = KerasModelSources.open(dir);
        ModelRuntime keras = ModelRuntime.open(device, seed)) {
      ImportedModel imported = KerasModelImporter.rebuild(source, registry, keras);
      HeadPlan plan = plan(dir, imported.top());
      List<String> classes = classes(labels, plan.spec());
      ModelConfig config =
          new ModelConfig(imported.backbone().spec().qualifiedName(), imported.backbone().spec().inputSize(),
              plan.spec(), classes, BatchNormMode.FROZEN, seed);
      TaskModel model = TaskModel.create(config, registry, device);
      try {
        copyWeights(keras, model.runtime(), plan.layerFor());
        return model;
      } catch (RuntimeException e) {
        model.close();
        throw e;
      }
    }
  }

  private static HeadPlan plan(Path dir, List<KerasLayer> top) {
    if (top.isEmpty()) {
      throw new IllegalArgumentException(dir + " is a bare backbone: it has no classifier or regressor top");
    }
    Pooling pooling =
        switch (top.get(0).className()) {
          case "Flatten" -> Pooling.FLATTEN;
          case "GlobalAveragePooling2D" -> Pooling.GAP;
          default -> throw new IllegalArgumentException(
              dir + ": the top starts with " + top.get(0).className()
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
            dir + ": layer " + l.name() + " (" + l.className() + ") has no Sommelier head equivalent");
      }
    }
    if (dense.isEmpty()) {
      throw new IllegalArgumentException(dir + ": the top has no Dense output layer");
    }
    List<Integer> hidden = new ArrayList<>();
    for (KerasLayer l : dense.subList(0, dense.size() - 1)) {
      if (!l.text("activation", "linear").equals("relu")) {
        throw new IllegalArgumentException(
            dir + ": hidden layer " + l.name() + " must use relu, it uses " + l.text("activation", "linear"));
      }
      hidden.add(units(l));
    }
    int outputs = units(dense.get(dense.size() - 1));
    boolean classification = finalActivation.equals("softmax");
    if (!classification && !(finalActivation.equals("linear") && outputs == 1)) {
      throw new IllegalArgumentException(
          dir + ": the output is " + outputs + " units with " + finalActivation + "; Sommelier heads"
              + " are softmax classifiers or one linear value (a sigmoid or multi-value top is not"
              + " supported yet)");
    }
    String type =
        classification
            ? (hidden.isEmpty() ? "softmax" : "mlp")
            : (hidden.size() == 1 ? "regressor" : "mlp");
    HeadSpec spec = new HeadSpec(type, outputs, pooling, hidden, dropout, classification);
    Map<String, String> layerFor = new HashMap<>();
    for (int i = 0; i < dense.size(); i++) {
      String ours = i == dense.size() - 1 ? "predictions" : i == 0 ? "dense" : "dense_" + i;
      layerFor.put(ours, dense.get(i).name());
    }
    return new HeadPlan(spec, layerFor);
  }

  private static int units(KerasLayer l) {
    return l.config().has("units") ? l.config().get("units").asInt() : l.config().path("filters").asInt();
  }

  private static List<String> classes(Path labels, HeadSpec spec) {
    if (!spec.classification()) {
      return List.of();
    }
    if (labels == null) {
      return IntStream.range(0, spec.outputs()).mapToObj(Integer::toString).toList();
    }
    try {
      List<String> names = Files.readAllLines(labels).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
      if (names.size() != spec.outputs()) {
        throw new IllegalArgumentException(
            labels + " names " + names.size() + " classes but the model has " + spec.outputs());
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
