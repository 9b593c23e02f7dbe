package dev.sommelier.tasks.explain;

/**
 * What one session run gives for a batch at one explained layer: the layer's activations and the
 * target's gradients with respect to them (both {@code [n, height, width, channels]}, row-major),
 * each image's target score and the model's predictions ({@code [n, outputs]}). The input to
 * every {@link CamMethod}.
 *
 * @param n images in the batch
 * @param height rows of the layer's map
 * @param width columns of the layer's map
 * @param channels channels of the layer
 * @param activations the layer's output
 * @param gradients the gradient of the target score with respect to the layer's output
 * @param scores each image's selected score (before {@link CamTarget#reported})
 * @param predictions the model's outputs: class probabilities, or the value
 * @param outputs outputs per image in {@code predictions}
 */
public record LayerFetch(int n, int height, int width, int channels, float[] activations,
    float[] gradients, float[] scores, float[] predictions, int outputs) {

  /** Values per image in {@link #activations} and {@link #gradients}. */
  public int imageSize() {
    return height * width * channels;
  }

  /** Cells of the layer's map: {@code height * width}. */
  public int positions() {
    return height * width;
  }
}
