package dev.sommelier.tasks.explain;

import dev.sommelier.tasks.model.TaskModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The maps of a {@link PixelMethod}: gradients of the target with respect to the model's input.
 * One run at the images themselves gives the predictions, the scores and (for saliency) the
 * gradients; for SmoothGrad and Integrated Gradients every image's points then go through the
 * model in runs of at most {@link #POINTS_PER_RUN} images, each point scored for its own image's
 * class (the class the clean image predicts, for {@link CamTarget#predictedClass()}).
 */
final class PixelGradients implements Explainer {

  /** Images per run when the points of a batch are many. */
  static final int POINTS_PER_RUN = 64;

  private final TaskModel model;
  private final PixelMethod method;
  private final LayerFetcher fetcher;
  private final float[] baseline;

  PixelGradients(TaskModel model, PixelMethod method) {
    this.model = model;
    this.method = method;
    this.fetcher = new LayerFetcher(model, "the input", List.of(model.input()));
    int size = model.config().inputSize();
    this.baseline = new float[size * size * 3];
    Arrays.fill(baseline, method.baselineLevel());
    model.preprocessing().applyInPlace(baseline);
  }

  @Override
  public List<CamResult> explain(float[] images, int n, CamTarget target) {
    float[][] attributions = new float[n][];
    LayerFetch clean = attribute(images, n, target, attributions);
    int size = model.config().inputSize();
    List<CamResult> out = new ArrayList<>(n);
    for (int b = 0; b < n; b++) {
      float[] map = RawMaps.reluNormalised(method.map(attributions[b]));
      out.add(GradCam.result(model, clean, b, target, map, size, size));
    }
    return out;
  }

  /**
   * Fills {@code attributions} with each image's attribution per input value ({@code size * size
   * * 3}, before the map is made) and returns the fetch at the images themselves.
   */
  LayerFetch attribute(float[] images, int n, CamTarget target, float[][] attributions) {
    LayerFetch clean = fetcher.fetch(images, n, target).get(0);
    int per = clean.imageSize();
    int points = method.points();
    if (method instanceof PixelMethod.Saliency) {
      for (int b = 0; b < n; b++) {
        attributions[b] = Arrays.copyOfRange(clean.gradients(), b * per, (b + 1) * per);
      }
      return clean;
    }
    int k = clean.outputs();
    float[] rows = ownRows(clean, n, target);
    TargetGraph.Kind kind =
        target.readsProbabilities() ? TargetGraph.Kind.FED_PROBABILITY : TargetGraph.Kind.FED_SCORE;
    int total = n * points;
    float[] all = new float[total * per];
    for (int b = 0; b < n; b++) {
      float[] x = Arrays.copyOfRange(images, b * per, (b + 1) * per);
      float[] mine = new float[points * per];
      method.points(x, baseline, mine);
      System.arraycopy(mine, 0, all, b * points * per, mine.length);
    }
    double[] sum = new double[n * per];
    for (int from = 0; from < total; from += POINTS_PER_RUN) {
      int m = Math.min(POINTS_PER_RUN, total - from);
      float[] chunkRows = new float[m * k];
      for (int j = 0; j < m; j++) {
        int image = (from + j) / points;
        System.arraycopy(rows, image * k, chunkRows, j * k, k);
      }
      LayerFetch f = fetcher.fetch(Arrays.copyOfRange(all, from * per, (from + m) * per), m,
          kind, chunkRows).get(0);
      float[] g = f.gradients();
      for (int j = 0; j < m; j++) {
        int base = (from + j) / points * per;
        for (int i = 0; i < per; i++) {
          sum[base + i] += g[j * per + i];
        }
      }
    }
    for (int b = 0; b < n; b++) {
      float[] mean = new float[per];
      for (int i = 0; i < per; i++) {
        mean[i] = (float) (sum[b * per + i] / points);
      }
      float[] x = Arrays.copyOfRange(images, b * per, (b + 1) * per);
      attributions[b] = method.attribution(x, baseline, mean);
    }
    return clean;
  }

  /** Each image's selector row: the target's own, or the one-hot of the clean image's class. */
  private static float[] ownRows(LayerFetch clean, int n, CamTarget target) {
    int k = clean.outputs();
    float[] rows = target.selector(n, k);
    if (rows != null) {
      return rows;
    }
    rows = new float[n * k];
    for (int b = 0; b < n; b++) {
      float[] prediction = Arrays.copyOfRange(clean.predictions(), b * k, (b + 1) * k);
      rows[b * k + target.classIndex(prediction)] = 1f;
    }
    return rows;
  }

  @Override
  public String layer() {
    return "input";
  }
}
