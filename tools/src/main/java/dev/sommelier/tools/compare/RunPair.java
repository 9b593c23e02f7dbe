package dev.sommelier.tools.compare;

import dev.sommelier.tasks.eval.McNemarTest;
import java.util.Locale;

/**
 * Two runs' answers on the same test images, compared by McNemar's test.
 *
 * @param first the first run's name
 * @param second the second run's name
 * @param test the test: images only the first got right, only the second, and the p-value
 */
public record RunPair(String first, String second, McNemarTest test) {

  /** A sentence a reader can act on. */
  public String verdict() {
    return test.significant()
        ? String.format(Locale.ROOT, "%s and %s differ beyond chance (p = %.3g)",
            first, second, test.pValue())
        : String.format(Locale.ROOT, "no evidence that %s and %s differ (p = %.3g):"
            + " the gap may be chance", first, second, test.pValue());
  }
}
