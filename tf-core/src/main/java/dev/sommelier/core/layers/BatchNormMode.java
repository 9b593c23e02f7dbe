package dev.sommelier.core.layers;

/** How batch normalisation behaves in training steps; inference always uses moving statistics. */
public enum BatchNormMode {
  /** Moving statistics in training too, gamma and beta may still train: the usual small-data choice. */
  FROZEN,
  /** Batch statistics in training steps, with the moving averages updated at each step (Keras). */
  TRAINING
}
