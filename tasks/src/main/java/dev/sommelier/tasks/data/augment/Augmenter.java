package dev.sommelier.tasks.data.augment;

import java.util.Random;

/**
 * Applies an {@link AugmentationConfig} to one image in place: float RGB in [0, 255], HWC, at
 * {@code img[offset ..]}. Operations run in {@link AugmentOp}'s order (flips, affine, brightness,
 * contrast, cutout, salt-and-pepper); each draws {@code random.nextDouble()} and runs when it falls
 * under its probability, so a {@link Random} with the same seed gives the same result. Stateless
 * and thread-safe; the pipeline gives every sample its own seeded {@code Random}.
 */
public final class Augmenter {

  private static final AugmentOp[] OPS = AugmentOp.values();

  private final double[] probability = new double[OPS.length];
  private final double[] strength = new double[OPS.length];

  /** An augmenter of {@code config}. */
  public Augmenter(AugmentationConfig config) {
    config.ops().forEach((op, s) -> {
      probability[op.ordinal()] = s.probability();
      strength[op.ordinal()] = s.strength();
    });
  }

  /** Augments the {@code height x width} image at {@code img[offset ..]}. */
  public void apply(float[] img, int offset, int height, int width, Random random) {
    for (AugmentOp op : OPS) {
      if (random.nextDouble() < probability[op.ordinal()]) {
        op.apply(img, offset, height, width, strength[op.ordinal()], random);
      }
    }
  }
}
