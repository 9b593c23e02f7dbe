package dev.sommelier.tasks.data.pipeline;

/** Derives independent seeds from a base seed and indices (SplitMix64's finaliser). */
final class Seeds {

  private Seeds() {}

  /** A well-mixed seed for ({@code seed}, {@code a}, {@code b}). */
  static long mix(long seed, long a, long b) {
    return finish(finish(finish(seed) ^ a) ^ b);
  }

  /** The augmentation seed of pass {@code epoch} of a pipeline seeded with {@code seed}. */
  static long pass(long seed, int epoch) {
    return mix(seed, epoch, 2);
  }

  /** The augmentation seed of sample {@code index} in the pass whose seed is {@code passSeed}. */
  static long sample(long passSeed, int index) {
    return mix(passSeed, index, 0);
  }

  private static long finish(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
