package dev.sommelier.tasks.model;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.backbones.keras.KerasBackboneWeights;
import java.nio.file.Path;

/**
 * Starts a model's backbone from a Keras file of any format that {@link
 * dev.sommelier.backbones.keras.KerasModelSources} reads: an official weight file from {@code
 * ~/.keras/models} ({@code mobilenet_2_5_224_tf_no_top.h5}), {@code save_weights}, a whole model
 * saved as {@code .h5}, {@code .keras} or SavedModel. Every backbone weight is copied by its Keras
 * name, strictly; a top, if any, is ignored; the input size may differ (convolution weights do not
 * depend on it).
 */
public final class BackboneWeights {

  private BackboneWeights() {}

  /**
   * Copies the backbone weights of the Keras file or SavedModel directory {@code path} into
   * {@code model}.
   *
   * @throws IllegalArgumentException when the file holds another backbone (the message names both
   *     and the {@code --backbone} to choose), lacks one of its weights, is no Keras file, or
   *     preprocesses in its own layers otherwise than {@link TaskModel#preprocessing()}
   */
  public static void importInto(TaskModel model, Path path, BackboneRegistry registry) {
    KerasBackboneWeights.copyInto(
        model.runtime(), model.backbone(), model.preprocessing(), path, registry);
  }
}
