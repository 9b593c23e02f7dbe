package dev.sommelier.core.layers;

import dev.sommelier.core.ModelRuntime;
import dev.sommelier.core.Tensors;
import dev.sommelier.core.WeightAssigner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Recomputes the moving mean and variance of every batch-norm layer of a training tower from a
 * set of images ("precise BN", as fvcore's {@code update_bn_stats} and PyTorch's {@code
 * swa_utils.update_bn}): the tower's forward pass runs over the images with batch statistics, as
 * in training, and each layer's moving statistics become the statistics of its input over all of
 * them.
 *
 * <p>The statistics are pooled exactly, not averaged: the mean is the mean over every image and
 * position (the batches' means weighted by their sizes), and the variance is the unbiased variance
 * over every image and position (the batches' variances about their own means plus the spread of
 * the batch means, combined as Chan et al. do), which is what an exponential moving average of
 * Keras's unbiased batch variances estimates. The references average the batch variances alone,
 * which leaves out the spread of the batch means. One {@code session.run} per batch fetches every
 * layer's statistics, and one more assigns them; only the ops that the statistics need run, so a
 * dropout after the last batch norm does not draw.
 */
public final class BatchNormRecalibration {

  private final ModelRuntime runtime;
  private final Operand<TFloat32> input;
  private final List<BatchNormStatistics> layers;
  private final WeightAssigner assigner;

  /**
   * @param input the placeholder the tower's images are fed to, {@code [batch, ...]} with every
   *     axis but the batch known
   * @param layers the tower's batch-norm layers ({@link LayerGraph#batchNormStatistics()})
   * @throws IllegalArgumentException when there are layers and a layer's spatial size or the
   *     input's shape is unknown
   */
  public BatchNormRecalibration(
      ModelRuntime runtime, Operand<TFloat32> input, List<BatchNormStatistics> layers) {
    for (BatchNormStatistics l : layers) {
      if (l.positions() < 1) {
        throw new IllegalArgumentException("batch-norm layer '" + l.layer()
            + "' has an input of unknown spatial size; its statistics cannot be recalibrated");
      }
    }
    if (!layers.isEmpty() && imageSize(input) < 1) {
      throw new IllegalArgumentException(
          "the input's shape " + input.shape() + " must be known apart from the batch axis");
    }
    this.runtime = runtime;
    this.input = input;
    this.layers = List.copyOf(layers);
    this.assigner = new WeightAssigner(runtime);
  }

  /** The recalibration of {@code tower}'s batch-norm layers for images fed to {@code input}. */
  public static BatchNormRecalibration of(LayerGraph tower, Operand<TFloat32> input) {
    return new BatchNormRecalibration(tower.runtime(), input, tower.batchNormStatistics());
  }

  /** Whether there is nothing to recalibrate (no batch norm that uses batch statistics). */
  public boolean isEmpty() {
    return layers.isEmpty();
  }

  /** Number of batch-norm layers recalibrated. */
  public int layerCount() {
    return layers.size();
  }

  /**
   * Runs the images through the tower and assigns every layer's moving statistics.
   *
   * @param batches whole images, each batch row-major in the input's shape
   * @return the number of images used
   * @throws IllegalArgumentException when there are no images or a batch is not whole images
   */
  public int recalibrate(Iterable<float[]> batches) {
    long perImage = imageSize(input);
    List<Pooled> pooled = new ArrayList<>(layers.size());
    layers.forEach(l -> pooled.add(new Pooled(l.movingMean().shape().size())));
    int images = 0;
    for (float[] batch : batches) {
      if (batch.length == 0 || batch.length % perImage != 0) {
        throw new IllegalArgumentException(
            "a batch of " + batch.length + " values is not whole images of " + perImage);
      }
      int n = Math.toIntExact(batch.length / perImage);
      long[] dims = input.shape().asArray().clone();
      dims[0] = n;
      Session.Runner runner = runtime.session().runner();
      try (TFloat32 x = Tensors.of(Shape.of(dims), batch)) {
        runner.feed(input, x);
        layers.forEach(l -> runner.fetch(l.batchMean()).fetch(l.batchVariance()));
        try (Result r = runner.run()) {
          for (int i = 0; i < layers.size(); i++) {
            pooled.get(i).add(n * layers.get(i).positions(),
                Tensors.values(r.get(2 * i)), Tensors.values(r.get(2 * i + 1)));
          }
        }
      }
      images += n;
    }
    if (images == 0) {
      throw new IllegalArgumentException("no images to recalibrate batch norm on");
    }
    assign(pooled);
    return images;
  }

  private void assign(List<Pooled> pooled) {
    Map<String, TFloat32> values = new LinkedHashMap<>();
    try {
      for (int i = 0; i < layers.size(); i++) {
        BatchNormStatistics l = layers.get(i);
        values.put(l.movingMean().name(), Tensors.of(l.movingMean().shape(), pooled.get(i).mean()));
        values.put(l.movingVariance().name(),
            Tensors.of(l.movingVariance().shape(), pooled.get(i).unbiasedVariance()));
      }
      assigner.assign(values);
    } finally {
      values.values().forEach(TFloat32::close);
    }
  }

  private static long imageSize(Operand<TFloat32> input) {
    Shape s = input.shape();
    long n = 1;
    for (int i = 1; i < s.numDimensions(); i++) {
      if (s.get(i) < 0) {
        return -1;
      }
      n *= s.get(i);
    }
    return s.numDimensions() < 2 ? -1 : n;
  }

  /** Count, mean and sum of squared deviations per channel over the batches so far. */
  private static final class Pooled {
    private final double[] mean;
    private final double[] squares;
    private double count;

    Pooled(long channels) {
      mean = new double[Math.toIntExact(channels)];
      squares = new double[mean.length];
    }

    /** Adds a batch of {@code n} values per channel with its mean and unbiased variance. */
    void add(long n, float[] batchMean, float[] batchVariance) {
      double total = count + n;
      for (int c = 0; c < mean.length; c++) {
        double delta = batchMean[c] - mean[c];
        double batchSquares = n > 1 ? batchVariance[c] * (n - 1.0) : 0;
        mean[c] += delta * n / total;
        squares[c] += batchSquares + delta * delta * count * n / total;
      }
      count = total;
    }

    float[] mean() {
      float[] out = new float[mean.length];
      for (int c = 0; c < out.length; c++) {
        out[c] = (float) mean[c];
      }
      return out;
    }

    float[] unbiasedVariance() {
      float[] out = new float[mean.length];
      for (int c = 0; c < out.length; c++) {
        out[c] = (float) (squares[c] / Math.max(1, count - 1));
      }
      return out;
    }
  }
}
