package dev.sommelier.tools.report;

import dev.sommelier.tasks.explain.faithfulness.FaithfulnessMeans;
import dev.sommelier.tasks.jobs.explain.FaithfulnessResult;
import dev.sommelier.tasks.jobs.explain.MethodFaithfulness;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The faithfulness benchmark as a table, one row per method: the same cells for the terminal and
 * the HTML page. The pointing and energy columns appear only when boxes were given.
 */
public final class FaithfulnessTable {

  private FaithfulnessTable() {}

  /** The column titles. */
  public static List<String> header(FaithfulnessResult r) {
    List<String> h = new ArrayList<>(List.of("method", "layer", "deletion", "random",
        "insertion", "random", "ROAD MoRF", "ROAD LeRF", "avg drop %", "increase %"));
    if (r.boxedImages() > 0) {
      h.addAll(List.of("pointing", "energy"));
    }
    h.addAll(List.of("ms/img", "x forward"));
    return h;
  }

  /** One row of cells per method, in the result's order. */
  public static List<List<String>> rows(FaithfulnessResult r) {
    List<List<String>> rows = new ArrayList<>();
    for (MethodFaithfulness m : r.methods()) {
      FaithfulnessMeans f = m.means();
      List<String> row = new ArrayList<>(List.of(m.method(), m.layer(), n(f.deletion()),
          n(f.deletionRandom()), n(f.insertion()), n(f.insertionRandom()),
          n(f.roadMostRelevant()), n(f.roadLeastRelevant()), one(f.averageDrop()),
          one(f.increase())));
      if (r.boxedImages() > 0) {
        row.add(m.pointing() == null ? "–" : String.format(Locale.ROOT, "%.3f (%d/%d)",
            m.pointing().rate(), m.pointing().hits(), m.pointing().images()));
        row.add(m.energyInBox() == null ? "–" : n(m.energyInBox()));
      }
      row.add(String.format(Locale.ROOT, "%.2f", m.msPerImage()));
      row.add(one(m.timesForward()));
      rows.add(row);
    }
    return rows;
  }

  /** What the columns mean, one sentence each. */
  public static List<String> legend() {
    return List.of(
        "deletion: area under the target's score as the map's most important pixels are greyed"
            + " out first (lower is better); random: the same in a seeded random order",
        "insertion: area as they are put back first into a grey image (higher is better)",
        "ROAD MoRF / LeRF: mean score with the most / least relevant 10 % to 90 % of the pixels"
            + " removed and filled from their neighbours (MoRF lower, LeRF higher is better)",
        "avg drop %: mean loss of confidence when only the map's part of the image is shown"
            + " (lower is better); increase %: images where it rose (higher is better)",
        "pointing: maps whose peak lies in the object's box; energy: the map's share inside it",
        "ms/img: time to make the maps; x forward: that over one forward pass per image");
  }

  private static String n(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
  }

  private static String one(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f", v);
  }
}
