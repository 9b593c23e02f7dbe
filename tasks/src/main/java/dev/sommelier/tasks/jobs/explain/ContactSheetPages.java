package dev.sommelier.tasks.jobs.explain;

import dev.sommelier.core.AtomicFiles;
import dev.sommelier.tasks.explain.render.ContactSheet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Collects a run's contact-sheet rows and writes a page every {@code rowsPerPage} rows: {@code
 * contact-sheet.png} when one page holds the run, else {@code contact-sheet-1.png}, {@code -2} ...
 */
final class ContactSheetPages {

  private final Path out;
  private final int rowsPerPage;
  private final List<ContactSheet.Row> rows = new ArrayList<>();
  private final List<Path> pages = new ArrayList<>();

  ContactSheetPages(Path out, int rowsPerPage) {
    this.out = out;
    this.rowsPerPage = rowsPerPage;
  }

  /** Adds a row; first writes the page so far when it is full. */
  void add(ContactSheet.Row row) throws IOException {
    if (rows.size() == rowsPerPage) {
      writePage(numbered(pages.size() + 1));
    }
    rows.add(row);
  }

  /** Writes the last page and returns every page's file. */
  List<Path> finish() throws IOException {
    if (!rows.isEmpty()) {
      writePage(pages.isEmpty() ? out.resolve("contact-sheet.png") : numbered(pages.size() + 1));
    }
    return List.copyOf(pages);
  }

  private Path numbered(int page) {
    return out.resolve(String.format(Locale.ROOT, "contact-sheet-%d.png", page));
  }

  private void writePage(Path file) throws IOException {
    AtomicFiles.writePng(file, ContactSheet.draw(rows));
    pages.add(file);
    rows.clear();
  }
}
