package dev.sommelier.tools;

import dev.sommelier.tools.compare.ComparisonResult;
import dev.sommelier.tools.compare.ComparisonTable;
import dev.sommelier.tools.compare.RunPair;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** Prints a comparison on the terminal: the table, the significance note, the files. */
final class ComparisonText {

  private ComparisonText() {}

  static void print(PrintWriter o, ComparisonResult r, Path page) {
    o.printf(Locale.ROOT, "Comparison of %d runs on %s, split %s, seed %d; evaluated on the same"
            + " %d %s images%n%n", r.runs().size(), r.data(), r.split(), r.seed(), r.testImages(),
        r.testPart());
    ComparisonTable t = ComparisonTable.of(r);
    TextTable table = new TextTable(t.header().toArray(String[]::new)).rightAlign(t.numeric());
    t.rows().forEach(row -> table.row(row.toArray(String[]::new)));
    o.println(table.headerLine());
    table.bodyLines().forEach(o::println);
    o.println("* best " + (r.classification() ? "accuracy" : "MAE")
        + (r.classification() ? "; intervals are 95 % Wilson score intervals" : ""));
    if (r.boxes() != null) {
      o.println("pointing: explained images whose Grad-CAM peak falls inside their box in "
          + r.boxes());
    }
    if (!r.pairs().isEmpty()) {
      o.println();
      o.println("McNemar's test on the paired answers (b: only the first right, c: only the"
          + " second):");
      for (RunPair p : r.pairs()) {
        o.printf(Locale.ROOT, "  %s vs %s: b %d, c %d, %s: %s%n", p.first(), p.second(),
            p.test().onlyFirst(), p.test().onlySecond(), p.test().method(), p.verdict());
      }
    }
    o.println();
    o.println(ComparisonTable.featureLine(r));
    o.println("Report:  " + page);
    o.println("Results: " + r.json());
  }
}
