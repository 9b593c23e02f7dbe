package dev.sommelier.tasks.predict;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.core.Device;
import dev.sommelier.tasks.data.ImageDecodeException;
import dev.sommelier.tasks.data.ImageDecoder;
import dev.sommelier.tasks.data.ImageResizer;
import dev.sommelier.tasks.data.RgbImage;
import dev.sommelier.tasks.eval.PredictionDecoder;
import dev.sommelier.tasks.model.ModelStore;
import dev.sommelier.tasks.model.TaskModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A trained model ready for an application: decodes, resizes and preprocesses images the way the
 * model was trained, and answers with ranked class probabilities or a value. Safe to share between
 * threads (TensorFlow sessions run concurrently; the predictor keeps no mutable state). Close it to
 * free the graph.
 */
public final class Predictor implements AutoCloseable {

  private final TaskModel model;

  /** Wraps a model already in memory (it is closed with the predictor). */
  public Predictor(TaskModel model) {
    this.model = model;
  }

  /** Loads the model directory {@code dir}. */
  public static Predictor load(Path dir, Device device) {
    return new Predictor(ModelStore.load(dir, BackboneRegistry.load(), device));
  }

  /** Predicts one image file. */
  public Prediction predict(Path image) throws ImageDecodeException {
    return predict(image.toString(), ImageDecoder.decode(image));
  }

  /** Predicts one decoded image (any size: it is resized to the model's input). */
  public Prediction predict(String id, RgbImage image) {
    return predictAll(List.of(id), List.of(image)).get(0);
  }

  /** Predicts decoded images in one batch; {@code ids} name them in the answers. */
  public List<Prediction> predictAll(List<String> ids, List<RgbImage> images) {
    if (ids.size() != images.size()) {
      throw new IllegalArgumentException(ids.size() + " ids for " + images.size() + " images");
    }
    if (images.isEmpty()) {
      return List.of();
    }
    int size = model.config().inputSize();
    int per = size * size * 3;
    float[] batch = new float[images.size() * per];
    for (int i = 0; i < images.size(); i++) {
      ImageResizer.resize(images.get(i), size, size, batch, i * per);
    }
    model.backbone().spec().preprocessing().applyInPlace(batch);
    return decode(ids, model.predict(batch, images.size()));
  }

  /** Turns raw model outputs ({@code n * k}) into predictions. */
  List<Prediction> decode(List<String> ids, float[] outputs) {
    int k = model.head().outputs();
    List<Prediction> out = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      if (model.head().spec().classification()) {
        float[] row = java.util.Arrays.copyOfRange(outputs, i * k, (i + 1) * k);
        out.add(new Prediction(ids.get(i), PredictionDecoder.decode(row, model.config().classes()), Float.NaN));
      } else {
        out.add(new Prediction(ids.get(i), List.of(), outputs[i]));
      }
    }
    return out;
  }

  /** The model behind this predictor. */
  public TaskModel model() {
    return model;
  }

  @Override
  public void close() {
    model.close();
  }
}
