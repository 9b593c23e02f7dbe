package dev.sommelier.tasks.explain;

import dev.sommelier.core.layers.LayerInfo;
import dev.sommelier.tasks.model.TaskModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * LayerCAM over several layers, fused into one map finer than the last layer's grid (as
 * pytorch-grad-cam fuses the maps of several target layers): each layer's LayerCAM map is
 * ReLU'd and normalised, bilinearly upsampled to the finest layer's grid, the maps are averaged
 * and the mean normalised again. All layers come from one session run. By default the layers are
 * the backbone's Grad-CAM layer and the last layer at each of the next two finer grids before it
 * (MobileNetV1: {@code conv_pw_5_relu}, {@code conv_pw_11_relu}, {@code conv_pw_13_relu}).
 */
public final class FusedLayerCam implements Explainer {

  /** The method, for {@link ExplainMethods}. */
  public static final ExplainMethod METHOD = new ExplainMethod() {
    @Override
    public String name() {
      return "LAYER_CAM_FUSION";
    }

    @Override
    public String label() {
      return "fusion";
    }

    @Override
    public Explainer explainer(TaskModel model, String layer) {
      return layer == null ? of(model) : of(model, List.of(layer.split(",")));
    }

    @Override
    public String toString() {
      return name();
    }
  };

  /** Grids fused by default: the Grad-CAM layer's and the next finer ones. */
  static final int DEFAULT_GRIDS = 3;

  private final TaskModel model;
  private final List<String> layers;
  private final LayerFetcher fetcher;
  private final int height;
  private final int width;

  private FusedLayerCam(TaskModel model, List<String> layers) {
    this.model = model;
    this.layers = List.copyOf(layers);
    this.fetcher = new LayerFetcher(model, "layers " + layers,
        layers.stream().map(l -> model.graph().output(l)).toList());
    int h = 0;
    int w = 0;
    for (String l : layers) {
      long[] s = model.graph().layers().stream().filter(i -> i.name().equals(l)).findFirst()
          .orElseThrow().outputShape();
      h = Math.max(h, Math.toIntExact(s[0]));
      w = Math.max(w, Math.toIntExact(s[1]));
    }
    this.height = h;
    this.width = w;
  }

  /** Fuses the default layers of {@code model} (see the class comment). */
  public static FusedLayerCam of(TaskModel model) {
    return new FusedLayerCam(model, defaultLayers(model));
  }

  /**
   * Fuses {@code layers} of {@code model}.
   *
   * @throws IllegalArgumentException when a layer is not a spatial layer of the model (the
   *     message names some that are), or none is given
   */
  public static FusedLayerCam of(TaskModel model, List<String> layers) {
    Set<String> unique = new LinkedHashSet<>();
    for (String l : layers) {
      String name = l.strip();
      if (!name.isEmpty()) {
        GradCam.of(model, name);
        unique.add(name);
      }
    }
    if (unique.isEmpty()) {
      throw new IllegalArgumentException("fusion needs at least one layer, got " + layers);
    }
    return new FusedLayerCam(model, new ArrayList<>(unique));
  }

  /**
   * The default layer and, before it, the last layer at each of the next {@code DEFAULT_GRIDS -
   * 1} finer grids, finest first.
   */
  static List<String> defaultLayers(TaskModel model) {
    String last = model.backbone().spec().gradCamLayer();
    List<LayerInfo> spatial = GradCam.spatialLayers(model).stream()
        .filter(l -> !l.type().equals("InputLayer")).toList();
    int end = 0;
    while (end < spatial.size() && !spatial.get(end).name().equals(last)) {
      end++;
    }
    long grid = spatial.get(end).outputShape()[0];
    List<String> chosen = new ArrayList<>(List.of(last));
    for (int i = 1; i < DEFAULT_GRIDS; i++) {
      long g = grid;
      long finer = spatial.subList(0, end).stream().mapToLong(l -> l.outputShape()[0])
          .filter(s -> s > g).min().orElse(-1);
      if (finer < 0) {
        break;
      }
      int at = end - 1;
      while (spatial.get(at).outputShape()[0] != finer) {
        at--;
      }
      chosen.add(0, spatial.get(at).name());
      grid = finer;
      end = at;
    }
    return chosen;
  }

  @Override
  public List<CamResult> explain(float[] images, int n, CamTarget target) {
    List<LayerFetch> fetches = fetcher.fetch(images, n, target);
    List<CamResult> out = new ArrayList<>(n);
    for (int b = 0; b < n; b++) {
      double[] sum = new double[height * width];
      for (LayerFetch f : fetches) {
        CamMap one = new CamMap(f.height(), f.width(),
            RawMaps.reluNormalised(CamMethod.LAYER_CAM.map(f, b)), "", 0f);
        float[] up = CamMaps.upsample(one, height, width);
        for (int p = 0; p < sum.length; p++) {
          sum[p] += up[p];
        }
      }
      out.add(GradCam.result(model, fetches.get(0), b, target, RawMaps.reluNormalised(sum),
          height, width));
    }
    return out;
  }

  @Override
  public String layer() {
    return String.join("+", layers);
  }

  /** The fused layers, in the order given. */
  public List<String> layers() {
    return layers;
  }
}
