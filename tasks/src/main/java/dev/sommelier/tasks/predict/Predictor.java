package dev.sommelier.tasks.predict;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.core.Device;
import dev.sommelier.tasks.data.ImageDecodeException;
import dev.sommelier.tasks.data.ImageDecoder;
import dev.sommelier.tasks.data.RgbImage;
import dev.sommelier.tasks.explain.CamMethod;
import dev.sommelier.tasks.explain.CamResult;
import dev.sommelier.tasks.explain.CamTarget;
import dev.sommelier.tasks.explain.ExplainMethod;
import dev.sommelier.tasks.explain.Explainer;
import dev.sommelier.tasks.model.InferenceOptions;
import dev.sommelier.tasks.model.ModelInput;
import dev.sommelier.tasks.model.ModelStore;
import dev.sommelier.tasks.model.OutputKind;
import dev.sommelier.tasks.model.TaskModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A trained model ready for an application: decodes, resizes and preprocesses images the way the
 * model was trained, and answers with ranked class probabilities, a value, or labels with their
 * probabilities. Safe to share between
 * threads (TensorFlow sessions run concurrently). It also explains its answers with Grad-CAM: one
 * explainer per layer is built on first use and kept, so repeated calls add nothing to the graph.
 * Close it to free the graph.
 */
public final class Predictor implements AutoCloseable {

  private final TaskModel model;
  private final Map<String, Explainer> explainers = new ConcurrentHashMap<>();

  /** Wraps a model already in memory (it is closed with the predictor). */
  public Predictor(TaskModel model) {
    this.model = model;
  }

  /**
   * Loads the model directory {@code dir} as a frozen float32 graph ({@link
   * InferenceOptions#DEFAULT}).
   */
  public static Predictor load(Path dir, Device device) {
    return load(dir, device, InferenceOptions.DEFAULT);
  }

  /** Loads the model directory {@code dir} as {@code options} say (frozen or not, precision). */
  public static Predictor load(Path dir, Device device, InferenceOptions options) {
    return new Predictor(ModelStore.load(dir, BackboneRegistry.load(), device, options));
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
    return decode(ids, model.predict(ModelInput.of(model, images), images.size()));
  }

  /**
   * Predicts one image file and explains the answer with Grad-CAM on the backbone's default layer:
   * the most probable class's (or label's) logit, or what raises a regressor's value.
   */
  public HeatMap explain(Path image) throws ImageDecodeException {
    return explain(image.toString(), ImageDecoder.decode(image));
  }

  /**
   * Predicts one decoded image and explains the answer as {@link #explain(Path)} does.
   *
   * @param id the image's name in the answer
   */
  public HeatMap explain(String id, RgbImage image) {
    return explain(id, image, CamMethod.GRAD_CAM);
  }

  /**
   * Predicts one decoded image and explains the answer with {@code method} at its default layer
   * (e.g. {@code ExplainMethods.named("fusion")}).
   *
   * @param id the image's name in the answer
   */
  public HeatMap explain(String id, RgbImage image, ExplainMethod method) {
    return explainAll(List.of(id), List.of(image), model.config().output().defaultCamTarget(),
        method, null).get(0);
  }

  /**
   * Predicts and explains decoded images in one session run.
   *
   * @param ids names of the images in the answers
   * @param images the images (any size)
   * @param target what to explain, e.g. {@link CamTarget#classProbability} of a class
   * @param method how the map is made, e.g. {@link CamMethod#GRAD_CAM} or one of {@link
   *     dev.sommelier.tasks.explain.ExplainMethods#all()}
   * @param layer the explained layer, e.g. the backbone's {@code gradCamLayer()}; null for the
   *     method's default (pixel-gradient methods ignore it)
   * @throws IllegalArgumentException when the target does not fit the model or there is no such
   *     spatial layer
   */
  public List<HeatMap> explainAll(List<String> ids, List<RgbImage> images, CamTarget target,
      ExplainMethod method, String layer) {
    if (ids.size() != images.size()) {
      throw new IllegalArgumentException(ids.size() + " ids for " + images.size() + " images");
    }
    if (images.isEmpty()) {
      return List.of();
    }
    Explainer explainer = explainers.computeIfAbsent(method.name() + "@" + layer,
        key -> method.explainer(model, layer));
    List<CamResult> results =
        explainer.explain(ModelInput.of(model, images), images.size(), target);
    int k = model.head().outputs();
    float[] outputs = new float[images.size() * k];
    for (int i = 0; i < images.size(); i++) {
      System.arraycopy(results.get(i).prediction(), 0, outputs, i * k, k);
    }
    List<Prediction> predictions = decode(ids, outputs);
    List<HeatMap> out = new ArrayList<>(images.size());
    for (int i = 0; i < images.size(); i++) {
      out.add(new HeatMap(predictions.get(i), results.get(i).map(), images.get(i)));
    }
    return out;
  }

  /** Turns raw model outputs ({@code n * k}) into predictions. */
  List<Prediction> decode(List<String> ids, float[] outputs) {
    OutputKind output = model.config().output();
    int k = output.width();
    List<Prediction> out = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      out.add(output.decode(ids.get(i), Arrays.copyOfRange(outputs, i * k, (i + 1) * k)));
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
