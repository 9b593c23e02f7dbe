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

/**
 * A data set from a CSV of {@code path,label} (classes) or {@code path,value} (values), parsed with
 * Apache Commons CSV (RFC 4180: quoted fields may hold commas; UTF-8, a byte-order mark as Excel
 * writes it is skipped). Paths are relative to the CSV's
 * folder (absolute ones are kept). Class labels are names, mapped to indices in natural order.
 *
 * <p>The header is optional. The first row is taken as a header when the file it names does not
 * exist and either its first field is a usual column name ({@code path}, {@code file}, {@code
 * filename}, {@code image}, ...) or, in a CSV of values, its second field is not a number. Files
 * named in the CSV must exist: the error lists the first few that do not.
 */
public final class CsvLabels {

  private static final Set<String> PATH_HEADERS = Set.of("path", "file", "filename", "file_name",
      "filepath", "file_path", "image", "image_path", "img", "id");
  private static final int LISTED_MISSING = 5;

  private CsvLabels() {}

  /** Rows of {@code path,class name}. */
  public static DataSet classes(Path csv) throws IOException {
    List<Row> rows = read(csv, false);
    Map<String, Integer> index = new TreeMap<>(NaturalOrder.INSTANCE);
    rows.forEach(r -> index.put(r.label, 0));
    List<String> names = new ArrayList<>(index.keySet());
    for (int i = 0; i < names.size(); i++) {
      index.put(names.get(i), i);
    }
    List<Sample> samples = new ArrayList<>();
    for (Row r : rows) {
      samples.add(Sample.ofClass(r.file.toString(), ImageSource.file(r.file), index.get(r.label)));
    }
    return new DataSet(DataSet.Kind.CLASSES, names, samples);
  }

  /** Rows of {@code path,number}. */
  public static DataSet values(Path csv) throws IOException {
    List<Sample> samples = new ArrayList<>();
    for (Row r : read(csv, true)) {
      samples.add(
          Sample.ofValue(r.file.toString(), ImageSource.file(r.file), Float.parseFloat(r.label)));
    }
    return new DataSet(DataSet.Kind.VALUES, List.of(), samples);
  }

  private record Row(Path file, String label) {}

  private static List<Row> read(Path csv, boolean values) throws IOException {
    Path base = csv.toAbsolutePath().getParent();
    List<Row> rows = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    CSVFormat format = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).get();
    try (Reader in = new InputStreamReader(BOMInputStream.builder().setPath(csv).get(),
            StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
      for (CSVRecord record : parser) {
        if (record.size() < 2 || record.get(0).isEmpty() || record.get(1).isEmpty()) {
          throw new IllegalArgumentException(csv + " line " + parser.getCurrentLineNumber()
              + ": expected path,label but got '" + String.join(",", record.toList()) + "'");
        }
        Path file = base.resolve(record.get(0)).normalize();
        boolean exists = Files.isRegularFile(file);
        if (rows.isEmpty() && missing.isEmpty() && !exists && isHeader(record, values)) {
          continue;
        }
        if (values && !isNumber(record.get(1))) {
          throw new IllegalArgumentException(csv + " line " + parser.getCurrentLineNumber()
              + ": value '" + record.get(1) + "' of " + record.get(0) + " is not a number");
        }
        if (!exists) {
          missing.add(record.get(0));
        }
        rows.add(new Row(file, record.get(1)));
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(missing.size() + " file(s) named in " + csv
          + " do not exist (paths are relative to " + base + "): "
          + String.join(", ", missing.subList(0, Math.min(LISTED_MISSING, missing.size())))
          + (missing.size() > LISTED_MISSING ? ", ..." : ""));
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(csv + " has no rows");
    }
    return rows;
  }

  private static boolean isHeader(CSVRecord first, boolean values) {
    return PATH_HEADERS.contains(first.get(0).toLowerCase(Locale.ROOT))
        || values && !isNumber(first.get(1));
  }

  private static boolean isNumber(String text) {
    try {
      return Float.isFinite(Float.parseFloat(text));
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
