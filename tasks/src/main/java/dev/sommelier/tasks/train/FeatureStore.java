package dev.sommelier.tasks.train;

import java.util.function.Supplier;

/**
 * Where head-only training keeps backbone features for other runs to reuse: several runs on the
 * same images, backbone, weights and input size (a comparison of heads) then run the backbone
 * over the training images once in all, not once per run. The key names what the features
 * depend on; a store hands out what it holds under a key, or computes, keeps and hands out.
 */
public interface FeatureStore {

  /**
   * The features stored under {@code key}, or those {@code compute} gives, which are then stored.
   *
   * @param key what the features depend on (a hash of backbone, weights, input size, images)
   * @param compute runs the backbone over the training images
   */
  FeatureArrays computeIfAbsent(String key, Supplier<FeatureArrays> compute);
}
