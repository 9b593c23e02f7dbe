package dev.sommelier.tasks.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.core.Checkpoints;
import dev.sommelier.core.Device;
import dev.sommelier.core.SavedModelExport;
import dev.sommelier.heads.OutputFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.TensorFlow;

/**
 * Model directories: {@code model.json} ({@link ModelCard}) plus the variables as a TensorFlow
 * checkpoint, written together atomically; and SavedModel export.
 */
public final class ModelStore {

  static final String CARD = "model.json";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ModelStore() {}

  /** Writes {@code model} to {@code dir}, with {@code info} (training settings, data hash, ...). */
  public static void save(TaskModel model, Path dir, Map<String, Object> info) {
    requireVariables(model, "save");
    Map<String, Object> all = new LinkedHashMap<>(info);
    all.put("tensorflow", TensorFlow.version());
    all.put("sommelier", versionOf(ModelStore.class));
    ModelCard card =
        new ModelCard(
            ModelCard.FORMAT,
            model.config(),
            model.preprocessing().name(),
            model.backbone().spec().gradCamLayer(),
            all);
    try {
      Checkpoints.save(model.runtime(), dir, Map.of(CARD, JSON.writeValueAsBytes(card)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the card of the model in {@code dir}. */
  public static ModelCard card(Path dir) {
    Path file = dir.resolve(CARD);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          dir + " is not a Sommelier model directory (no " + CARD + "); train one or import a"
              + " Keras model with 'sommelier import'");
    }
    try {
      ModelCard card = JSON.treeToValue(upgrade(JSON.readTree(file.toFile())), ModelCard.class);
      if (card.format() > ModelCard.FORMAT) {
        throw new IllegalArgumentException(
            file + " has format " + card.format() + "; this version reads up to " + ModelCard.FORMAT);
      }
      return card;
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * A card written before heads named their output function: its head's {@code classification}
   * flag becomes {@code output} SOFTMAX or LINEAR.
   */
  private static JsonNode upgrade(JsonNode card) {
    if (card.path("config").path("head") instanceof ObjectNode head
        && head.has("classification") && !head.has("output")) {
      head.put("output", head.remove("classification").asBoolean()
          ? OutputFunction.SOFTMAX.name() : OutputFunction.LINEAR.name());
    }
    return card;
  }

  /**
   * Rebuilds and restores the model in {@code dir} as a graph of variables in float32, the graph
   * that training, saving and export need; for inference alone, {@link #load(Path,
   * BackboneRegistry, Device, InferenceOptions)} builds a faster one.
   */
  public static TaskModel load(Path dir, BackboneRegistry registry, Device device) {
    return load(dir, registry, device, InferenceOptions.DEFAULT.withFrozen(false));
  }

  /**
   * Rebuilds and restores the model in {@code dir} for prediction, evaluation and explanation as
   * {@code options} say: frozen (see {@link TaskModel#frozen}) or as a graph of variables, in their
   * precision.
   */
  public static TaskModel load(
      Path dir, BackboneRegistry registry, Device device, InferenceOptions options) {
    if (!options.frozen()) {
      ModelCard card = card(dir);
      TaskModel model = TaskModel.create(card.config(), registry, device, options.precision());
      try {
        Checkpoints.restore(model.runtime(), dir);
        return model;
      } catch (RuntimeException e) {
        model.close();
        throw e;
      }
    }
    try (TaskModel saved = load(dir, registry, device)) {
      return saved.frozen(options.precision());
    }
  }

  /**
   * Exports {@code model} as a SavedModel: signature {@code serving_default}, input {@code image}
   * (preprocessed, {@code [batch, size, size, 3]}), output {@code predictions}.
   */
  public static void exportSavedModel(TaskModel model, Path dir) {
    requireVariables(model, "export");
    SavedModelExport.export(
        model.runtime(), dir, Map.of("image", model.input()),
        Map.of("predictions", model.output().prediction()));
  }

  private static void requireVariables(TaskModel model, String what) {
    if (model.graph().isFrozen()) {
      throw new IllegalArgumentException("cannot " + what + " a model frozen for inference (its"
          + " weights are constants): " + what + " the model that ModelStore.load(dir, registry,"
          + " device) opens, or the one it was frozen from");
    }
  }

  private static String versionOf(Class<?> c) {
    String v = c.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }
}
