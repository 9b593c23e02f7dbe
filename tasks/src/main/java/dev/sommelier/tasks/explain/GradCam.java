package dev.sommelier.tasks.explain;

import dev.sommelier.core.layers.LayerInfo;
import dev.sommelier.tasks.model.TaskModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Class-activation maps of one layer of a {@link TaskModel}'s inference tower, by any {@link
 * CamMethod} (Grad-CAM, Grad-CAM++, XGrad-CAM, HiResCAM, LayerCAM, Eigen-CAM). Each call to
 * {@link #explain} is one session run ({@link LayerFetcher}) that fetches the layer's
 * activations, the target's gradients, the target scores and the predictions; the method turns
 * each image's fetch into a map, and ReLU and normalising are shared. Create one per model and
 * layer and reuse it: each instance adds its own gradient graph. May be called from several
 * threads.
 */
public final class GradCam {

  private static final int LAYERS_LISTED = 6;

  private final TaskModel model;
  private final String layer;
  private final int height;
  private final int width;
  private final LayerFetcher fetcher;

  private GradCam(TaskModel model, String layer, Operand<TFloat32> activations) {
    this.model = model;
    this.layer = layer;
    Shape s = activations.shape();
    this.height = Math.toIntExact(s.get(1));
    this.width = Math.toIntExact(s.get(2));
    this.fetcher = new LayerFetcher(model, "layer " + layer, List.of(activations));
  }

  /** Explains the backbone's default Grad-CAM layer. */
  public static GradCam of(TaskModel model) {
    return of(model, model.backbone().spec().gradCamLayer());
  }

  /**
   * Explains layer {@code layer} of the inference tower.
   *
   * @throws IllegalArgumentException when there is no such layer, or its output is not a
   *     {@code [batch, height, width, channels]} map; the message names some layers that are
   */
  public static GradCam of(TaskModel model, String layer) {
    List<LayerInfo> maps = spatialLayers(model);
    if (maps.stream().noneMatch(l -> l.name().equals(layer))) {
      throw new IllegalArgumentException(unknownLayer(model, layer, maps));
    }
    return new GradCam(model, layer, model.graph().output(layer));
  }

  /** The layers of the inference tower with a {@code [height, width, channels]} output. */
  static List<LayerInfo> spatialLayers(TaskModel model) {
    return model.graph().layers().stream()
        .filter(l -> l.outputShape().length == 3
            && Arrays.stream(l.outputShape()).allMatch(d -> d > 0))
        .toList();
  }

  private static String unknownLayer(TaskModel model, String layer, List<LayerInfo> maps) {
    String folded = layer == null ? null : model.graph().foldedInto(layer);
    if (folded != null) {
      return "layer '" + layer + "' is folded into '" + folded + "' in the frozen inference graph:"
          + " explain '" + folded + "', or open the model unfrozen (--no-frozen)";
    }
    String what = model.graph().has(layer) ? "layer '" + layer + "' has no spatial output"
        : "no layer '" + layer + "'";
    List<String> names = maps.stream().map(LayerInfo::name).toList();
    List<String> similar = names.stream()
        .filter(n -> layer != null && n.toLowerCase().contains(layer.toLowerCase())).toList();
    List<String> shown = similar.isEmpty() ? names : similar;
    shown = shown.subList(Math.max(0, shown.size() - LAYERS_LISTED), shown.size());
    return what + " in " + model.backbone().spec().qualifiedName()
        + "; layers that can be explained include " + String.join(", ", shown) + " ("
        + names.size() + " in all; default " + model.backbone().spec().gradCamLayer() + ")";
  }

  /**
   * The maps of {@code target} for {@code n} preprocessed images, in one session run.
   *
   * @param images {@code n * size * size * 3} preprocessed pixels, as {@link TaskModel#predict}
   *     takes them
   * @param target what to explain; a class target needs a classifier, a value target a regressor
   * @param method how the layer's activations and gradients become a map
   * @return one result per image, in order
   * @throws IllegalArgumentException when the target does not fit the model or the pixel count is
   *     not {@code n} images
   */
  public List<CamResult> explain(float[] images, int n, CamTarget target, CamMethod method) {
    LayerFetch f = fetch(images, n, target);
    List<CamResult> out = new ArrayList<>(n);
    for (int b = 0; b < n; b++) {
      float[] map = RawMaps.reluNormalised(method.map(f, b));
      out.add(result(model, f, b, target, map, height, width));
    }
    return out;
  }

  /** This layer explained with {@code method}, as an {@link Explainer}. */
  public Explainer with(CamMethod method) {
    return new Explainer() {
      @Override
      public List<CamResult> explain(float[] images, int n, CamTarget target) {
        return GradCam.this.explain(images, n, target, method);
      }

      @Override
      public String layer() {
        return layer;
      }
    };
  }

  /** The activations, gradients, scores and predictions of one run (the shared first step). */
  LayerFetch fetch(float[] images, int n, CamTarget target) {
    return fetcher.fetch(images, n, target).get(0);
  }

  /**
   * Image {@code b}'s result: its {@code map} ({@code height x width}, normalised) labelled with
   * the target, its score and its predictions from {@code f}.
   */
  static CamResult result(TaskModel model, LayerFetch f, int b, CamTarget target, float[] map,
      int height, int width) {
    int k = f.outputs();
    float[] prediction = Arrays.copyOfRange(f.predictions(), b * k, (b + 1) * k);
    int classIndex = target.classIndex(prediction);
    String what = target.describe(model.config().classes(), classIndex);
    return new CamResult(new CamMap(height, width, map, what, target.reported(f.scores()[b])),
        classIndex, prediction);
  }

  /** The explained layer's name. */
  public String layer() {
    return layer;
  }

  /** Rows of the layer's map. */
  public int height() {
    return height;
  }

  /** Columns of the layer's map. */
  public int width() {
    return width;
  }
}
