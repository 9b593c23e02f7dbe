package dev.sommelier.tasks.data.source;

import dev.sommelier.tasks.data.DataSet;
import dev.sommelier.tasks.data.ImageSource;
import dev.sommelier.tasks.data.NaturalOrder;
import dev.sommelier.tasks.data.Sample;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A multi-label data set from a CSV, in either of two forms (UTF-8, RFC 4180, a byte-order mark
 * skipped; paths relative to the CSV's folder):
 *
 * <ul>
 *   <li>long: {@code file,labels} with the labels separated by {@code |} ({@code
 *       a.jpg,worn|leaking}; an empty field is an image with no label). The header is optional;
 *       when present its first field is a usual column name ({@code file}, {@code path}, ...).
 *   <li>wide: a header {@code file,worn,leaking,...} and one 0/1 column per label.
 * </ul>
 *
 * A header with exactly two columns whose second is {@code labels} (or {@code label}, {@code
 * tags}) is the long form; any other header is the wide form. Label names are put in natural
 * order. A bad row (an empty file name, a file that does not exist, a missing label column, a
 * wide value other than 0 or 1) is reported with its line number and left out; the rest load.
 */
public final class CsvMultiLabels {

  private static final Logger LOG = LoggerFactory.getLogger(CsvMultiLabels.class);
  private static final Set<String> PATH_HEADERS = Set.of("path", "file", "filename", "file_name",
      "filepath", "file_path", "image", "image_path", "img", "id");
  private static final Set<String> LABELS_HEADERS = Set.of("labels", "label", "tags");
  /** Separates labels in the long form's labels field. */
  public static final String SEPARATOR = "|";

  private CsvMultiLabels() {}

  /**
   * The samples of {@code csv} and the rows left out.
   *
   * @param data the usable rows as a data set of labels
   * @param problems one line per row left out: {@code labels.csv line 7: ...}
   */
  public record Loaded(DataSet data, List<String> problems) {}

  /** Loads {@code csv}, logging each row left out as a warning. */
  public static DataSet load(Path csv) throws IOException {
    Loaded loaded = read(csv);
    loaded.problems().forEach(p -> LOG.warn("{} (row left out)", p));
    if (!loaded.problems().isEmpty()) {
      LOG.warn("{}: {} row(s) left out, {} used", csv, loaded.problems().size(),
          loaded.data().size());
    }
    return loaded.data();
  }

  /**
   * Reads {@code csv}.
   *
   * @throws IllegalArgumentException when no row is usable
   */
  public static Loaded read(Path csv) throws IOException {
    Path base = csv.toAbsolutePath().getParent();
    List<String> problems = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    List<String> wideLabels = null;
    CSVFormat format = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).get();
    try (Reader in = new InputStreamReader(BOMInputStream.builder().setPath(csv).get(),
            StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
      boolean first = true;
      for (CSVRecord record : parser) {
        String where = csv.getFileName() + " line " + parser.getCurrentLineNumber() + ": ";
        if (first) {
          first = false;
          if (isHeader(record, base)) {
            if (!(record.size() == 2
                && LABELS_HEADERS.contains(record.get(1).toLowerCase(Locale.ROOT)))) {
              wideLabels = record.toList().subList(1, record.size());
              checkWideHeader(csv, wideLabels);
            }
            continue;
          }
        }
        String problem = wideLabels == null ? longRow(record, base, rows)
            : wideRow(record, base, wideLabels, rows);
        if (problem != null) {
          problems.add(where + problem + " in '" + String.join(",", record.toList()) + "'");
        }
      }
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(csv + " has no usable rows"
          + (problems.isEmpty() ? "" : "; first problem: " + problems.get(0)));
    }
    return new Loaded(dataSet(rows, wideLabels), problems);
  }

  private record Row(Path file, List<String> labels) {}

  /** Adds a long-form row, or says why it cannot be used. */
  private static String longRow(CSVRecord record, Path base, List<Row> rows) {
    if (record.size() < 2) {
      return "the labels column is missing (write file,labels; an empty labels field is no label)";
    }
    String problem = fileProblem(record.get(0), base);
    if (problem != null) {
      return problem;
    }
    List<String> labels = new ArrayList<>();
    for (String l : record.get(1).split("\\" + SEPARATOR)) {
      if (!l.isBlank()) {
        labels.add(l.strip());
      }
    }
    rows.add(new Row(base.resolve(record.get(0)).normalize(), labels));
    return null;
  }

  /** Adds a wide-form row, or says why it cannot be used. */
  private static String wideRow(CSVRecord record, Path base, List<String> names, List<Row> rows) {
    if (record.size() != names.size() + 1) {
      return "expected " + (names.size() + 1) + " columns (file and " + names.size()
          + " labels), got " + record.size();
    }
    String problem = fileProblem(record.get(0), base);
    if (problem != null) {
      return problem;
    }
    List<String> labels = new ArrayList<>();
    for (int j = 0; j < names.size(); j++) {
      String v = record.get(j + 1);
      if (!v.equals("0") && !v.equals("1")) {
        return "label " + names.get(j) + " is '" + v + "', not 0 or 1";
      }
      if (v.equals("1")) {
        labels.add(names.get(j));
      }
    }
    rows.add(new Row(base.resolve(record.get(0)).normalize(), labels));
    return null;
  }

  private static String fileProblem(String name, Path base) {
    if (name.isEmpty()) {
      return "the file name is empty";
    }
    if (!Files.isRegularFile(base.resolve(name))) {
      return "no file " + name + " (paths are relative to " + base + ")";
    }
    return null;
  }

  private static boolean isHeader(CSVRecord first, Path base) {
    return PATH_HEADERS.contains(first.get(0).toLowerCase(Locale.ROOT))
        && !Files.isRegularFile(base.resolve(first.get(0)));
  }

  private static void checkWideHeader(Path csv, List<String> names) {
    if (names.isEmpty() || names.stream().anyMatch(String::isEmpty)
        || Set.copyOf(names).size() != names.size()) {
      throw new IllegalArgumentException(csv + " line 1: a wide header names each label column"
          + " once (file,worn,leaking,...), got " + names);
    }
  }

  private static DataSet dataSet(List<Row> rows, List<String> wideLabels) {
    Map<String, Integer> index = new TreeMap<>(NaturalOrder.INSTANCE);
    if (wideLabels != null) {
      wideLabels.forEach(l -> index.put(l, 0));
    }
    rows.forEach(r -> r.labels().forEach(l -> index.put(l, 0)));
    if (index.isEmpty()) {
      throw new IllegalArgumentException("no row carries a label: multi-label training needs at"
          + " least one label name");
    }
    List<String> names = new ArrayList<>(index.keySet());
    for (int i = 0; i < names.size(); i++) {
      index.put(names.get(i), i);
    }
    List<Sample> samples = new ArrayList<>();
    for (Row r : rows) {
      samples.add(Sample.ofLabels(r.file().toString(), ImageSource.file(r.file()),
          r.labels().stream().map(index::get).toList()));
    }
    return new DataSet(DataSet.Kind.LABELS, names, samples);
  }
}
