package dev.sommelier.tasks.model;

import java.util.Map;

/**
 * A Keras model converted by {@link KerasModelConverter}: the Sommelier model, and what it was,
 * for {@code model.json} (source, format, what the output means, preprocessing and augmentation
 * layers). Closing it closes the model.
 *
 * @param model the converted model; it owns its runtime
 * @param facts what {@link ModelStore#save} should record under {@code info.keras}
 */
public record KerasConversion(TaskModel model, Map<String, Object> facts) implements AutoCloseable {

  public KerasConversion {
    facts = Map.copyOf(facts);
  }

  @Override
  public void close() {
    model.close();
  }
}
