package dev.sommelier.backbones.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The loss a Keras model was compiled with, from its saved training config ({@code
 * training_config} of a Keras 2 file or SavedModel, {@code compile_config} of a {@code .keras}
 * archive): evidence of what a linear output layer means.
 *
 * @param className the loss class, {@code SparseCategoricalCrossentropy}; for a loss saved by
 *     name ({@code "sparse_categorical_crossentropy"}) the name as saved
 * @param fromLogits the loss's {@code from_logits} (false when saved by name, Keras's default)
 */
public record KerasLoss(String className, boolean fromLogits) {

  /** The single loss of {@code trainingConfig}, or empty when there is none or several. */
  public static Optional<KerasLoss> of(Optional<JsonNode> trainingConfig) {
    JsonNode loss = trainingConfig.map(c -> c.path("loss")).orElse(null);
    if (loss == null || loss.isMissingNode() || loss.isNull()) {
      return Optional.empty();
    }
    if (loss.isTextual()) {
      return Optional.of(new KerasLoss(loss.asText(), false));
    }
    if (loss.isObject() && loss.has("class_name")) {
      return Optional.of(new KerasLoss(loss.get("class_name").asText(),
          loss.path("config").path("from_logits").asBoolean(false)));
    }
    return Optional.empty();
  }

  /**
   * True for {@code SparseCategoricalCrossentropy} or {@code CategoricalCrossentropy} with {@code
   * from_logits=True}: the model's outputs are class logits, its probabilities their softmax.
   */
  public boolean categoricalFromLogits() {
    return fromLogits && (className.equals("SparseCategoricalCrossentropy")
        || className.equals("CategoricalCrossentropy"));
  }

  /** {@code SparseCategoricalCrossentropy(from_logits=True)}. */
  public String describe() {
    return className + (fromLogits ? "(from_logits=True)" : "");
  }
}
