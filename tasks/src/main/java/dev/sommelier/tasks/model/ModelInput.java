package dev.sommelier.tasks.model;

import dev.sommelier.tasks.data.ImageResizer;
import dev.sommelier.tasks.data.RgbImage;
import java.util.List;

/**
 * The one way decoded images become a {@link TaskModel}'s input outside the batch pipeline
 * (prediction, explanation, the deletion metric's perturbed copies): each image resized to the
 * model's input size by {@link ImageResizer}, giving RGB floats in [0, 255] (HWC, the images one
 * after another), then preprocessed as {@link TaskModel#preprocessing()} says (the model's own
 * Keras preprocessing layers when it has them, else the backbone's). The batch pipeline does the
 * same two steps per image on its worker threads.
 */
public final class ModelInput {

  private ModelInput() {}

  /** {@code images} resized to {@code model}'s input size and preprocessed, as one batch. */
  public static float[] of(TaskModel model, List<RgbImage> images) {
    float[] x = pixels(model, images);
    model.preprocessing().applyInPlace(x);
    return x;
  }

  /**
   * {@code images} resized to {@code model}'s input size, not yet preprocessed: {@code n * size *
   * size * 3} floats in [0, 255], what an explanation draws on and perturbs.
   */
  public static float[] pixels(TaskModel model, List<RgbImage> images) {
    return ImageResizer.resizeAll(images, model.config().inputSize());
  }

  /**
   * A preprocessed copy of {@code pixels}: images at {@code model}'s input size in [0, 255], as
   * {@link #pixels} gives them (or perturbed copies of those).
   */
  public static float[] preprocessed(TaskModel model, float[] pixels) {
    float[] x = pixels.clone();
    model.preprocessing().applyInPlace(x);
    return x;
  }
}
