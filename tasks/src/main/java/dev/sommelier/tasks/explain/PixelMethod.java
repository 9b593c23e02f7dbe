package dev.sommelier.tasks.explain;

import dev.sommelier.tasks.model.TaskModel;
import java.util.SplittableRandom;

/**
 * A pixel-level gradient method: the gradient of the target with respect to the (preprocessed)
 * input, at the image itself or at points around it, turned into one value per pixel. Each image's
 * points go through the model together ({@link PixelGradients}).
 */
public sealed interface PixelMethod extends ExplainMethod {

  /** Vanilla saliency (Simonyan et al., 2014). */
  PixelMethod SALIENCY = new Saliency();

  /** SmoothGrad with 25 samples at noise 0.15 of the image's range, seed 0. */
  PixelMethod SMOOTH_GRAD = new SmoothGrad(25, 0.15f, 0);

  /** Integrated Gradients with 32 steps from a black image. */
  PixelMethod INTEGRATED_GRADIENTS = new IntegratedGradients(32, 0f);

  /** Points per image at which the gradient is taken. */
  int points();

  /**
   * Writes image {@code x}'s points, one after another, into {@code out} (preprocessed, {@code
   * points() * x.length} floats).
   *
   * @param baseline the baseline image, preprocessed (used by Integrated Gradients)
   */
  void points(float[] x, float[] baseline, float[] out);

  /**
   * One image's attribution per input value from the mean of the gradients at its points.
   *
   * @param x the image, preprocessed
   * @param baseline the baseline image, preprocessed
   * @param meanGradient the mean gradient over the points, like {@code x}
   */
  default float[] attribution(float[] x, float[] baseline, float[] meanGradient) {
    return meanGradient;
  }

  /**
   * The heat map of one attribution ({@code pixels * 3} values): the largest absolute value over
   * the three channels of each pixel.
   */
  default double[] map(float[] attribution) {
    double[] map = new double[attribution.length / 3];
    for (int p = 0; p < map.length; p++) {
      map[p] = Math.max(Math.abs(attribution[3 * p]),
          Math.max(Math.abs(attribution[3 * p + 1]), Math.abs(attribution[3 * p + 2])));
    }
    return map;
  }

  /** The grey level (0 to 255, before preprocessing) of the baseline image. */
  default float baselineLevel() {
    return 0f;
  }

  @Override
  default Explainer explainer(TaskModel model, String layer) {
    return new PixelGradients(model, this);
  }

  /** The gradient at the image itself; map = largest absolute gradient over the channels. */
  record Saliency() implements PixelMethod {
    @Override
    public int points() {
      return 1;
    }

    @Override
    public void points(float[] x, float[] baseline, float[] out) {
      System.arraycopy(x, 0, out, 0, x.length);
    }

    @Override
    public String name() {
      return "SALIENCY";
    }

    @Override
    public String label() {
      return "saliency";
    }
  }

  /**
   * SmoothGrad (Smilkov et al., 2017): the gradient averaged over {@code samples} copies of the
   * image with Gaussian noise of standard deviation {@code noise * (max - min)} of the image's
   * preprocessed values; map as saliency (as tf-keras-vis has it).
   *
   * @param samples noisy copies per image (at least 1)
   * @param noise the noise's standard deviation as a fraction of the image's value range
   * @param seed seeds the noise; each image's noise is the same for the same seed
   */
  record SmoothGrad(int samples, float noise, long seed) implements PixelMethod {
    /** Checks the settings. */
    public SmoothGrad {
      if (samples < 1 || !(noise >= 0)) {
        throw new IllegalArgumentException("SmoothGrad needs samples >= 1 and noise >= 0, got "
            + samples + " and " + noise);
      }
    }

    @Override
    public int points() {
      return samples;
    }

    @Override
    public void points(float[] x, float[] baseline, float[] out) {
      float min = Float.POSITIVE_INFINITY;
      float max = Float.NEGATIVE_INFINITY;
      for (float v : x) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      double sigma = noise * (max - (double) min);
      SplittableRandom random = new SplittableRandom(seed);
      for (int s = 0; s < samples; s++) {
        for (int i = 0; i < x.length; i++) {
          out[s * x.length + i] = (float) (x[i] + sigma * gaussian(random));
        }
      }
    }

    private static double gaussian(SplittableRandom random) {
      double u = 1 - random.nextDouble();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    @Override
    public String name() {
      return "SMOOTH_GRAD";
    }

    @Override
    public String label() {
      return "smoothgrad";
    }
  }

  /**
   * Integrated Gradients (Sundararajan et al., 2017): {@code (x - x') * mean_k grad(x' + a_k (x -
   * x'))} over {@code steps} midpoints {@code a_k = (k - 0.5) / steps}, from a uniform baseline
   * image {@code x'}; the attributions of an image sum to about {@code f(x) - f(x')}. The map is
   * the positive part of each pixel's sum over the channels (the evidence that raises the
   * target).
   *
   * @param steps points on the path (at least 1)
   * @param baseline the baseline's grey level, 0 (black) to 255, before preprocessing
   */
  record IntegratedGradients(int steps, float baseline) implements PixelMethod {
    /** Checks the settings. */
    public IntegratedGradients {
      if (steps < 1 || !(baseline >= 0 && baseline <= 255)) {
        throw new IllegalArgumentException("Integrated Gradients needs steps >= 1 and a baseline"
            + " grey level in [0, 255], got " + steps + " and " + baseline);
      }
    }

    @Override
    public int points() {
      return steps;
    }

    @Override
    public void points(float[] x, float[] base, float[] out) {
      for (int k = 0; k < steps; k++) {
        float alpha = (k + 0.5f) / steps;
        for (int i = 0; i < x.length; i++) {
          out[k * x.length + i] = base[i] + alpha * (x[i] - base[i]);
        }
      }
    }

    @Override
    public float[] attribution(float[] x, float[] base, float[] meanGradient) {
      float[] a = new float[x.length];
      for (int i = 0; i < a.length; i++) {
        a[i] = (x[i] - base[i]) * meanGradient[i];
      }
      return a;
    }

    @Override
    public double[] map(float[] attribution) {
      double[] map = new double[attribution.length / 3];
      for (int p = 0; p < map.length; p++) {
        map[p] = Math.max(0, (double) attribution[3 * p] + attribution[3 * p + 1]
            + attribution[3 * p + 2]);
      }
      return map;
    }

    @Override
    public float baselineLevel() {
      return baseline;
    }

    @Override
    public String name() {
      return "INTEGRATED_GRADIENTS";
    }

    @Override
    public String label() {
      return "integrated-gradients";
    }
  }
}
