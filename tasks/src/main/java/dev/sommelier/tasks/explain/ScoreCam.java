package dev.sommelier.tasks.explain;

import dev.sommelier.tasks.model.TaskModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Score-CAM (Wang et al., 2020), as pytorch-grad-cam has it: no gradients; each channel of the
 * layer, bilinearly upsampled to the input and scaled to [0, 1], masks the (preprocessed) image,
 * the masked copies go through the model, and the channel's weight is the softmax over channels of
 * the target's scores on them; the map is {@code sum_k w_k A_k}, then ReLU and normalising as for
 * every CAM. Cost: one forward pass per channel per image (MobileNetV1 1.0's {@code
 * conv_pw_13_relu}: 1024), in runs of at most {@link PixelGradients#POINTS_PER_RUN} images, on
 * top of one run for the activations. A masked copy is scored for the class of the untouched image
 * (for {@link CamTarget#predictedClass()}, its top class).
 */
final class ScoreCam implements Explainer {

  /** The method, for {@link ExplainMethods}. */
  static final ExplainMethod METHOD = new ExplainMethod() {
    @Override
    public String name() {
      return "SCORE_CAM";
    }

    @Override
    public String label() {
      return "scorecam";
    }

    @Override
    public Explainer explainer(TaskModel model, String layer) {
      GradCam at = layer == null ? GradCam.of(model) : GradCam.of(model, layer);
      return new ScoreCam(model, at.layer());
    }

    @Override
    public String toString() {
      return name();
    }
  };

  private final TaskModel model;
  private final String layer;
  private final LayerFetcher fetcher;

  private ScoreCam(TaskModel model, String layer) {
    this.model = model;
    this.layer = layer;
    this.fetcher = new LayerFetcher(model, "layer " + layer,
        List.of(model.graph().output(layer)));
  }

  @Override
  public List<CamResult> explain(float[] images, int n, CamTarget target) {
    int size = model.config().inputSize();
    if (n < 1 || images.length != n * size * size * 3) {
      throw new IllegalArgumentException("expected " + n + " images of " + size + "x" + size
          + "x3 (" + (long) n * size * size * 3 + " floats), got " + images.length + " floats");
    }
    LayerFetch f = fetcher.forward(images, n, target).get(0);
    int k = f.outputs();
    TargetGraph.Kind kind =
        target.readsProbabilities() ? TargetGraph.Kind.FED_PROBABILITY : TargetGraph.Kind.FED_SCORE;
    int per = size * size * 3;
    int c = f.channels();
    List<CamResult> out = new ArrayList<>(n);
    for (int b = 0; b < n; b++) {
      float[] row = ownRow(f, b, target);
      float[] x = Arrays.copyOfRange(images, b * per, (b + 1) * per);
      float[] scores = new float[c];
      for (int from = 0; from < c; from += PixelGradients.POINTS_PER_RUN) {
        int m = Math.min(PixelGradients.POINTS_PER_RUN, c - from);
        float[] masked = new float[m * per];
        float[] rows = new float[m * k];
        for (int j = 0; j < m; j++) {
          float[] mask = mask(f, b, from + j, size);
          for (int p = 0; p < size * size; p++) {
            for (int ch = 0; ch < 3; ch++) {
              masked[j * per + p * 3 + ch] = x[p * 3 + ch] * mask[p];
            }
          }
          System.arraycopy(row, 0, rows, j * k, k);
        }
        System.arraycopy(fetcher.scores(masked, m, kind, rows), 0, scores, from, m);
      }
      double[] weights = softmax(scores);
      double[] map = new double[f.positions()];
      float[] a = f.activations();
      int base = b * f.imageSize();
      for (int p = 0; p < map.length; p++) {
        for (int ch = 0; ch < c; ch++) {
          map[p] += weights[ch] * a[base + p * c + ch];
        }
      }
      out.add(GradCam.result(model, f, b, target, RawMaps.reluNormalised(map), f.height(),
          f.width()));
    }
    return out;
  }

  /** Channel {@code ch} of image {@code b}, upsampled to the input and scaled to [0, 1]. */
  private static float[] mask(LayerFetch f, int b, int ch, int size) {
    float[] cell = new float[f.positions()];
    int base = b * f.imageSize();
    for (int p = 0; p < cell.length; p++) {
      cell[p] = f.activations()[base + p * f.channels() + ch];
    }
    float[] up = CamMaps.upsample(new CamMap(f.height(), f.width(), cell, "", 0), size, size);
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (float v : up) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    for (int i = 0; i < up.length; i++) {
      up[i] = max > min ? (up[i] - min) / (max - min) : 0;
    }
    return up;
  }

  /** Image {@code b}'s selector row: the target's own, or the one-hot of its top class. */
  private static float[] ownRow(LayerFetch f, int b, CamTarget target) {
    int k = f.outputs();
    float[] rows = target.selector(1, k);
    if (rows != null) {
      return rows;
    }
    float[] row = new float[k];
    row[target.classIndex(Arrays.copyOfRange(f.predictions(), b * k, (b + 1) * k))] = 1f;
    return row;
  }

  private static double[] softmax(float[] scores) {
    double max = Double.NEGATIVE_INFINITY;
    for (float s : scores) {
      max = Math.max(max, s);
    }
    double[] w = new double[scores.length];
    double sum = 0;
    for (int i = 0; i < w.length; i++) {
      w[i] = Math.exp(scores[i] - max);
      sum += w[i];
    }
    for (int i = 0; i < w.length; i++) {
      w[i] /= sum;
    }
    return w;
  }

  @Override
  public String layer() {
    return layer;
  }
}
