package dev.sommelier.tasks.explain.render;

import dev.sommelier.core.AtomicFiles;
import dev.sommelier.tasks.explain.CamMap;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferUShort;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A map at its layer's resolution, unblended: as a 16-bit grayscale PNG ({@code round(v *
 * 65535)}, so a reader gets the values back within 1/65535) and as CSV (one line per row, the
 * float values).
 */
public final class RawMapFiles {

  private static final int MAX_16 = 65535;

  private RawMapFiles() {}

  /** The map as a 16-bit grayscale image, values clamped to [0, 1]. */
  public static BufferedImage gray16(CamMap map) {
    BufferedImage image =
        new BufferedImage(map.width(), map.height(), BufferedImage.TYPE_USHORT_GRAY);
    short[] pixels = ((DataBufferUShort) image.getRaster().getDataBuffer()).getData();
    float[] v = map.values();
    for (int i = 0; i < pixels.length; i++) {
      float x = Float.isNaN(v[i]) ? 0f : Math.max(0f, Math.min(1f, v[i]));
      pixels[i] = (short) Math.round(x * MAX_16);
    }
    return image;
  }

  /** Writes {@link #gray16} of {@code map} to {@code file}. */
  public static void writePng16(Path file, CamMap map) throws IOException {
    AtomicFiles.writePng(file, gray16(map));
  }

  /** Writes {@code map} as CSV: {@code height} lines of {@code width} values. */
  public static void writeCsv(Path file, CamMap map) throws IOException {
    AtomicFiles.write(file, out -> {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
          .build());
      float[] v = map.values();
      for (int y = 0; y < map.height(); y++) {
        for (int x = 0; x < map.width(); x++) {
          csv.print(Float.toString(v[y * map.width() + x]));
        }
        csv.println();
      }
      csv.flush();
    });
  }
}
