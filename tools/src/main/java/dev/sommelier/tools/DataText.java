package dev.sommelier.tools;

import dev.sommelier.tasks.jobs.DataSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the train and evaluate commands print about their data: files found, images used, files
 * left out as unreadable and where they are listed, then per class (or rounded value) the same
 * with the images of each part of the split, and a blank line. Over {@value #MAX_ROWS} classes the
 * table is left to the JSON report.
 */
final class DataText {

  /** Classes printed as a table at most. */
  static final int MAX_ROWS = 50;

  private DataText() {}

  /**
   * Prints the summary.
   *
   * @param label the first column's title: {@code class} or {@code value}
   * @param skippedList the list of the files left out
   */
  static void print(PrintWriter o, DataSummary d, String label, Path skippedList) {
    o.println("Data: " + d.files() + " files, " + d.samples() + " images used, "
        + (d.skipped() == 0 ? "none left out"
            : d.skipped() + " left out as unreadable (listed in " + skippedList + ")"));
    if (d.counts().size() > MAX_ROWS) {
      o.println("(" + d.counts().size() + " classes: the counts per class are in the JSON report)");
      o.println();
      return;
    }
    List<String> header = new ArrayList<>(List.of(label, "files", "left out", "used"));
    header.addAll(d.parts().keySet());
    TextTable table = new TextTable(header.toArray(String[]::new));
    int[] numbers = new int[header.size() - 1];
    for (int c = 0; c < numbers.length; c++) {
      numbers[c] = c + 1;
    }
    table.rightAlign(numbers);
    d.counts().forEach((name, used) -> {
      int left = d.skippedCounts().getOrDefault(name, 0);
      List<String> row = new ArrayList<>(List.of(name, Integer.toString(used + left),
          Integer.toString(left), Integer.toString(used)));
      for (Map<String, Integer> part : d.parts().values()) {
        row.add(Integer.toString(part.getOrDefault(name, 0)));
      }
      table.row(row.toArray(String[]::new));
    });
    o.println(table.headerLine());
    table.bodyLines().forEach(o::println);
    o.println();
  }
}
