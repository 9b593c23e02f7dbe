package dev.sommelier.tasks.explain;

/**
 * What one session run of a {@link GradCam} gives for a batch: the explained layer's activations
 * and the target's gradients with respect to them (both {@code [n, height, width, channels]},
 * row-major), each image's target score and the model's predictions ({@code [n, outputs]}).
 */
record LayerFetch(int n, int height, int width, int channels, float[] activations,
    float[] gradients, float[] scores, float[] predictions, int outputs) {

  /** Values per image in {@link #activations} and {@link #gradients}. */
  int imageSize() {
    return height * width * channels;
  }
}
