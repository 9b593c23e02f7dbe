package dev.sommelier.tools.bench;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The readable form of a {@link BenchReport}: the ceilings, one row per backbone and precision,
 * the convention.
 */
final class BenchTable {

  private static final String NUMBERS =
      "  %-9s  %5s  %5s  %10s  %9s  %8s  %12s  %11s  %10s  %14s  %8s  %11s";

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
    if (report.bf16MatmulGflops() != null) {
      out.println(String.format(Locale.ROOT, "MatMul %dx%d bfloat16: %.1f GFLOP/s",
          report.matmulSize(), report.matmulSize(), report.bf16MatmulGflops()));
    }
    String header = String.format(Locale.ROOT, rowFormat, "Backbone", "Precision", "Input",
        "Batch", "GFLOPs/img", "Fwd img/s", "Fwd/peak", "Frozen img/s", "Train img/s", "Train/peak",
        "Head-only img/s", "Peak RSS", "Files img/s");
    out.println(header);
    out.println("-".repeat(header.length()));
    for (BackboneResult r : report.backbones()) {
      out.println(String.format(Locale.ROOT, rowFormat,
          r.name(),
          r.precision(),
          Integer.toString(r.inputSize()),
          Integer.toString(r.batch()),
          fixed(r.flopsPerImage() / 1e9, 3),
          fixed(r.forwardImagesPerSecond(), 2),
          fixed(100 * r.forwardRatio(), 1) + "%",
          fixed(r.frozenForwardImagesPerSecond(), 2),
          fixed(r.trainImagesPerSecond(), 2),
          fixed(100 * r.trainRatio(), 1) + "%",
          fixed(r.headOnlyImagesPerSecond(), 1),
          r.peakResidentBytes() == null ? "-" : (r.peakResidentBytes() >> 20) + " MiB",
          r.endToEndTrainImagesPerSecond() == null ? "-"
              : fixed(r.endToEndTrainImagesPerSecond(), 2)));
    }
    out.println("FLOPs: " + report.flopConvention() + "; the ratios are to the float32 MatMul.");
    out.println("Frozen: the forward pass of a frozen graph (constant weights), as predict runs.");
    out.println("Head-only: an SGD step of the head alone on backbone features computed once.");
    out.println("Files: train from drawn JPEG files with the pipeline on, every layer trained.");
  }

  private static String fixed(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
