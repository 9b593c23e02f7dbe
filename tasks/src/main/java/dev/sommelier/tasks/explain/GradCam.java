package dev.sommelier.tasks.explain;

import dev.sommelier.core.ModelRuntime;
import dev.sommelier.core.Tensors;
import dev.sommelier.core.layers.LayerInfo;
import dev.sommelier.tasks.model.TaskModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Class-activation maps of one layer of a {@link TaskModel}'s inference tower (Grad-CAM and
 * Grad-CAM++). The gradient graph of each kind of target is built once, on first use, and reused;
 * each call to {@link #explain} is one session run that fetches the layer's activations, the
 * target's gradients, the target scores and the predictions. The channel weights ({@link
 * ChannelWeights}) are the only part the methods differ in; weighting, ReLU and normalising are
 * shared. Create one per model and layer and reuse it: each instance adds its own gradient graph.
 * May be called from several threads.
 */
public final class GradCam {

  private static final Logger LOG = LoggerFactory.getLogger(GradCam.class);
  private static final int LAYERS_LISTED = 6;

  private final TaskModel model;
  private final String layer;
  private final Operand<TFloat32> activations;
  private final int height;
  private final int width;
  private final int channels;
  private final Map<TargetGraph.Kind, TargetGraph> graphs = new EnumMap<>(TargetGraph.Kind.class);

  private GradCam(TaskModel model, String layer, Operand<TFloat32> activations) {
    this.model = model;
    this.layer = layer;
    this.activations = activations;
    Shape s = activations.shape();
    this.height = Math.toIntExact(s.get(1));
    this.width = Math.toIntExact(s.get(2));
    this.channels = Math.toIntExact(s.get(3));
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
    List<LayerInfo> maps = model.graph().layers().stream()
        .filter(l -> l.outputShape().length == 3
            && Arrays.stream(l.outputShape()).allMatch(d -> d > 0))
        .toList();
    if (maps.stream().noneMatch(l -> l.name().equals(layer))) {
      throw new IllegalArgumentException(unknownLayer(model, layer, maps));
    }
    return new GradCam(model, layer, model.graph().output(layer));
  }

  private static String unknownLayer(TaskModel model, String layer, List<LayerInfo> maps) {
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
   * @param method how the layer's channels are weighted
   * @return one result per image, in order
   * @throws IllegalArgumentException when the target does not fit the model or the pixel count is
   *     not {@code n} images
   */
  public List<CamResult> explain(float[] images, int n, CamTarget target, CamMethod method) {
    LayerFetch f = fetch(images, n, target);
    List<CamResult> out = new ArrayList<>(n);
    for (int b = 0; b < n; b++) {
      int k = f.outputs();
      float[] prediction = Arrays.copyOfRange(f.predictions(), b * k, (b + 1) * k);
      int classIndex = classIndex(target, prediction);
      boolean lowering = target instanceof CamTarget.Value v && !v.raising();
      float score = lowering ? -f.scores()[b] : f.scores()[b];
      float[] map = weightedMap(f, b, ChannelWeights.of(method, f, b));
      out.add(new CamResult(new CamMap(height, width, map, describe(target, classIndex), score),
          classIndex, prediction));
    }
    return out;
  }

  /** The activations, gradients, scores and predictions of one run (the shared first step). */
  LayerFetch fetch(float[] images, int n, CamTarget target) {
    check(target);
    int size = model.config().inputSize();
    if (n < 1 || images.length != n * size * size * 3) {
      throw new IllegalArgumentException("expected " + n + " images of " + size + "x" + size
          + "x3 (" + (long) n * size * size * 3 + " floats), got " + images.length + " floats");
    }
    int k = model.head().outputs();
    TargetGraph g = graph(TargetGraph.Kind.of(target));
    float[] rows = TargetGraph.selectorRows(target, n, k);
    try (TFloat32 x = Tensors.of(Shape.of(n, size, size, 3), images);
        TFloat32 selector = rows == null ? null : Tensors.of(Shape.of(n, k), rows)) {
      Session.Runner runner = model.runtime().session().runner().feed(model.input(), x);
      if (selector != null) {
        runner.feed(g.selector(), selector);
      }
      try (Result r = runner.fetch(activations).fetch(g.gradients()).fetch(g.scores())
          .fetch(model.output().prediction()).run()) {
        return new LayerFetch(n, height, width, channels, Tensors.values(r.get(0)),
            Tensors.values(r.get(1)), Tensors.values(r.get(2)), Tensors.values(r.get(3)), k);
      }
    }
  }

  /** {@code ReLU(sum_k w_k A_k)} of image {@code b}, divided by its maximum (0 stays 0). */
  private static float[] weightedMap(LayerFetch f, int b, double[] weights) {
    int c = f.channels();
    float[] a = f.activations();
    int base = b * f.imageSize();
    float[] map = new float[f.height() * f.width()];
    double max = 0;
    double[] raw = new double[map.length];
    for (int p = 0; p < map.length; p++) {
      double s = 0;
      for (int k = 0; k < c; k++) {
        s += weights[k] * a[base + p * c + k];
      }
      raw[p] = Math.max(0, s);
      max = Math.max(max, raw[p]);
    }
    if (max > 0) {
      for (int p = 0; p < map.length; p++) {
        map[p] = (float) (raw[p] / max);
      }
    }
    return map;
  }

  /**
   * The gradients of {@code kind}'s targets, built on first use. Building adds operations to the
   * model's graph, which its name scope does not allow from two threads at once, so every
   * explainer of one model builds under the model's runtime as the lock.
   */
  private TargetGraph graph(TargetGraph.Kind kind) {
    ModelRuntime rt = model.runtime();
    synchronized (rt) {
      return graphs.computeIfAbsent(kind, k -> {
        TargetGraph g = TargetGraph.build(rt.ops(), rt.graph(), model.output(),
            model.head().outputs(), activations, k);
        LOG.debug("Grad-CAM gradients of {} targets at layer {} built", k, layer);
        return g;
      });
    }
  }

  private void check(CamTarget target) {
    model.config().output().check(target);
  }

  private static int classIndex(CamTarget target, float[] prediction) {
    if (target instanceof CamTarget.ClassLogit l) {
      return l.classIndex();
    }
    if (target instanceof CamTarget.ClassProbability p) {
      return p.classIndex();
    }
    if (target instanceof CamTarget.Value) {
      return -1;
    }
    int top = 0;
    for (int i = 1; i < prediction.length; i++) {
      top = prediction[i] > prediction[top] ? i : top;
    }
    return top;
  }

  private String describe(CamTarget target, int classIndex) {
    if (target instanceof CamTarget.Value v) {
      return v.raising() ? "value, raising" : "value, lowering";
    }
    String name = "class '" + model.config().classes().get(classIndex) + "'";
    if (target instanceof CamTarget.ClassProbability) {
      return name + " (probability)";
    }
    return target instanceof CamTarget.PredictedClass ? "predicted " + name + " (logit)"
        : name + " (logit)";
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
