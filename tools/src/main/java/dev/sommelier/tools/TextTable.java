package dev.sommelier.tools;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table: columns as wide as their widest cell, two spaces apart. */
final class TextTable {

  private final String[] header;
  private final boolean[] rightAligned;
  private final List<String[]> rows = new ArrayList<>();

  /** A table with these column titles, every column left-aligned. */
  TextTable(String... header) {
    this.header = header.clone();
    this.rightAligned = new boolean[header.length];
  }

  /** Right-aligns the given columns (numbers), counting from 0. */
  TextTable rightAlign(int... columns) {
    for (int c : columns) {
      rightAligned[c] = true;
    }
    return this;
  }

  /** Adds a row with one cell per column. */
  TextTable row(String... cells) {
    if (cells.length != header.length) {
      throw new IllegalArgumentException(
          "row has " + cells.length + " cells, the table " + header.length + " columns");
    }
    rows.add(cells.clone());
    return this;
  }

  /** The header line. */
  String headerLine() {
    return line(header, widths());
  }

  /** The body, one line per row. */
  List<String> bodyLines() {
    int[] widths = widths();
    return rows.stream().map(r -> line(r, widths)).toList();
  }

  /** Width of a full line. */
  int width() {
    int total = 0;
    for (int w : widths()) {
      total += w;
    }
    return total + 2 * (header.length - 1);
  }

  private int[] widths() {
    int[] w = new int[header.length];
    for (int i = 0; i < header.length; i++) {
      w[i] = header[i].length();
      for (String[] r : rows) {
        w[i] = Math.max(w[i], r[i].length());
      }
    }
    return w;
  }

  private String line(String[] cells, int[] widths) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        b.append("  ");
      }
      String pad = " ".repeat(widths[i] - cells[i].length());
      b.append(rightAligned[i] ? pad + cells[i] : cells[i] + (i == cells.length - 1 ? "" : pad));
    }
    return b.toString();
  }
}
