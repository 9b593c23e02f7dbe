package dev.sommelier.tasks.explain.pointing;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Where the object of each image is: boxes in image pixels, read from a CSV with a header. The
 * image is in a {@code path} (or {@code file}) column, relative to the CSV's folder unless
 * absolute; the box is {@code x0,y0,x1,y1} (right and bottom exclusive, as {@link
 * dev.sommelier.tasks.data.synthetic.LogoImages} writes its {@code boxes.csv}) or {@code
 * x,y,width,height}. Other columns (such as {@code class}) are ignored; an image may have several
 * rows, one per box.
 */
public final class ObjectBoxes {

  private static final ObjectBoxes NONE = new ObjectBoxes(null, Map.of());

  private final Path file;
  private final Map<Path, List<Rectangle>> byImage;

  private ObjectBoxes(Path file, Map<Path, List<Rectangle>> byImage) {
    this.file = file;
    this.byImage = byImage;
  }

  /** No boxes at all. */
  public static ObjectBoxes none() {
    return NONE;
  }

  /**
   * Reads {@code csv}.
   *
   * @throws IllegalArgumentException naming the file and line when a column is missing, a number
   *     is not an integer or a box is empty
   * @throws IOException when the file cannot be read
   */
  public static ObjectBoxes read(Path csv) throws IOException {
    Path base = csv.toAbsolutePath().getParent();
    Map<Path, List<Rectangle>> byImage = new HashMap<>();
    try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setTrim(true).build().parse(in)) {
      List<String> header = parser.getHeaderNames();
      String pathColumn = header.contains("path") ? "path" : "file";
      boolean corners = header.containsAll(List.of("x0", "y0", "x1", "y1"));
      List<String> needed = corners ? List.of(pathColumn, "x0", "y0", "x1", "y1")
          : List.of(pathColumn, "x", "y", "width", "height");
      if (!header.containsAll(needed)) {
        throw new IllegalArgumentException(csv + " has the columns " + header + "; a boxes file"
            + " needs path,x0,y0,x1,y1 (as the drawn logos' boxes.csv) or path,x,y,width,height"
            + " (pixels; file may stand for path)");
      }
      for (CSVRecord r : parser) {
        int x = integer(csv, r, corners ? "x0" : "x");
        int y = integer(csv, r, corners ? "y0" : "y");
        int w = corners ? integer(csv, r, "x1") - x : integer(csv, r, "width");
        int h = corners ? integer(csv, r, "y1") - y : integer(csv, r, "height");
        if (w <= 0 || h <= 0) {
          throw new IllegalArgumentException(csv + " line " + (r.getRecordNumber() + 1)
              + ": the box of " + r.get(pathColumn) + " is empty (" + w + "x" + h + ")");
        }
        byImage.computeIfAbsent(key(base.resolve(r.get(pathColumn))), k -> new ArrayList<>())
            .add(new Rectangle(x, y, w, h));
      }
    }
    byImage.replaceAll((k, v) -> List.copyOf(v));
    return new ObjectBoxes(csv, Collections.unmodifiableMap(byImage));
  }

  /** The file the boxes came from; null for {@link #none()}. */
  public Path file() {
    return file;
  }

  /** Images with at least one box. */
  public int images() {
    return byImage.size();
  }

  /** The boxes of {@code image}; empty when it has none. */
  public List<Rectangle> of(Path image) {
    return byImage.getOrDefault(key(image), List.of());
  }

  private static Path key(Path image) {
    return image.toAbsolutePath().normalize();
  }

  private static int integer(Path csv, CSVRecord r, String column) {
    String text = r.get(column);
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(csv + " line " + (r.getRecordNumber() + 1) + ": "
          + column + " is '" + text + "', not a whole number of pixels", e);
    }
  }
}
