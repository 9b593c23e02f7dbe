package dev.sommelier.tools.report;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link RunReport#write} wrote.
 *
 * @param index the page, {@code DIR/report/index.html}
 * @param plots the plots beside it, e.g. {@code DIR/report/training-curves.png}
 * @param augmentedSamples the picture of augmented training images shown on the page, {@code
 *     DIR/augmented-samples.png}, or null for a run without augmentation
 * @param contactSheets the Grad-CAM contact sheets shown on the page, from {@code DIR/explain}
 */
public record ReportFiles(Path index, List<Path> plots, Path augmentedSamples,
    List<Path> contactSheets) {

  /** Copies the lists. */
  public ReportFiles {
    plots = List.copyOf(plots);
    contactSheets = List.copyOf(contactSheets);
  }
}
