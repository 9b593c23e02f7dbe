package dev.sommelier.tools.bench;

import java.io.PrintWriter;
import java.util.Locale;

/** The readable form of a {@link BenchReport}: the ceiling, one row per backbone, the convention. */
final class BenchTable {

  private static final String NUMBERS =
      "  %5s  %5s  %10s  %9s  %11s  %8s  %11s  %13s  %10s  %14s";

  private BenchTable() {}

  /** Prints {@code report} as a table, then the FLOP convention. */
  static void print(PrintWriter out, BenchReport report) {
    int nameWidth = "Backbone".length();
    for (BackboneResult r : report.backbones()) {
      nameWidth = Math.max(nameWidth, r.name().length());
    }
    String rowFormat = "%-" + nameWidth + "s" + NUMBERS;
    out.println(String.format(Locale.ROOT,
        "MatMul %dx%d float32 on %s: %.1f GFLOP/s (the ceiling below)",
        report.matmulSize(), report.matmulSize(), report.device(), report.matmulGflops()));
    String header = String.format(Locale.ROOT, rowFormat, "Backbone", "Input", "Batch",
        "GFLOPs/img", "Fwd img/s", "Fwd GFLOP/s", "Fwd/peak", "Train img/s", "Train GFLOP/s",
        "Train/peak", "Head-only img/s");
    out.println(header);
    out.println("-".repeat(header.length()));
    for (BackboneResult r : report.backbones()) {
      out.println(String.format(Locale.ROOT, rowFormat,
          r.name(),
          Integer.toString(r.inputSize()),
          Integer.toString(r.batch()),
          fixed(r.flopsPerImage() / 1e9, 3),
          fixed(r.forwardImagesPerSecond(), 2),
          fixed(r.forwardGflops(), 1),
          fixed(100 * r.forwardRatio(), 1) + "%",
          fixed(r.trainImagesPerSecond(), 2),
          fixed(r.trainGflops(), 1),
          fixed(100 * r.trainRatio(), 1) + "%",
          fixed(r.headOnlyImagesPerSecond(), 1)));
    }
    out.println("FLOPs: " + report.flopConvention());
    out.println("Head-only: an SGD step of the head alone on backbone features computed once.");
  }

  private static String fixed(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
