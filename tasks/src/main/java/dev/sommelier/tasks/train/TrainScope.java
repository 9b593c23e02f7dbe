package dev.sommelier.tasks.train;

import dev.sommelier.backbones.Backbone;
import dev.sommelier.core.ModelVariable;
import java.util.function.Predicate;

/**
 * Which variables a training phase updates: the head only, the head and the backbone's last N
 * blocks, or everything.
 *
 * @param lastBlocks backbone blocks trained besides the head; 0 = head only, {@link #ALL_BLOCKS} =
 *     everything
 */
public record TrainScope(int lastBlocks) {

  /** Marker for "every block". */
  public static final int ALL_BLOCKS = Integer.MAX_VALUE;

  public static final TrainScope HEAD = new TrainScope(0);
  public static final TrainScope ALL = new TrainScope(ALL_BLOCKS);

  public TrainScope {
    if (lastBlocks < 0) {
      throw new IllegalArgumentException("the number of trained blocks must be >= 0, got " + lastBlocks);
    }
  }

  /** The head and the last {@code n} blocks. */
  public static TrainScope lastBlocks(int n) {
    return new TrainScope(n);
  }

  /** Whether only the head trains, so the backbone's features can be computed once and reused. */
  public boolean headOnly() {
    return lastBlocks == 0;
  }

  /** Selects the variables this scope trains, for {@code backbone}. */
  public Predicate<ModelVariable> selector(Backbone backbone) {
    int first = lastBlocks == ALL_BLOCKS ? 0 : backbone.blockCount() - lastBlocks;
    return v -> {
      int block = backbone.blockOf(v.layer());
      return block < 0 || block >= first;
    };
  }

  /** {@code head}, {@code all} or {@code last-N}, as options and reports write it. */
  @Override
  public String toString() {
    return lastBlocks == 0 ? "head" : lastBlocks == ALL_BLOCKS ? "all" : "last-" + lastBlocks;
  }

  /**
   * Parses {@code head}, {@code all} or {@code last-N}.
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  public static TrainScope parse(String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT);
    if (t.equals("head")) {
      return HEAD;
    }
    if (t.equals("all")) {
      return ALL;
    }
    if (t.startsWith("last-")) {
      try {
        return lastBlocks(Integer.parseInt(t.substring(5)));
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new IllegalArgumentException("unknown training scope '" + text + "': use head, all or last-N");
  }
}
