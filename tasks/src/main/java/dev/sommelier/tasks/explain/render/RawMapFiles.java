package dev.sommelier.tasks.explain.render;

import dev.sommelier.core.AtomicFiles;
import dev.sommelier.tasks.explain.CamMap;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferUShort;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A map at its layer's resolution, unblended: as a 16-bit grayscale PNG ({@code round(v *
 * 65535)}, so a reader gets the values back within 1/65535), as CSV (one line per row, the float
 * values) and as a NumPy {@code .npy} array ({@code float32}, shape {@code (height, width)}, which
 * {@code numpy.load} reads as is).
 */
public final class RawMapFiles {

  private static final int MAX_16 = 65535;
  private static final byte[] NPY_MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
  private static final int NPY_ALIGN = 64;

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

  /**
   * Writes {@code map} as a version 1.0 {@code .npy} file: the magic string, a little-endian
   * header length, the header dictionary padded with spaces to a multiple of 64 bytes, then the
   * values as little-endian {@code float32} in row-major order.
   */
  public static void writeNpy(Path file, CamMap map) throws IOException {
    String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + map.height() + ", "
        + map.width() + "), }";
    int unpadded = NPY_MAGIC.length + 2 + dict.length() + 1;
    String header = dict + " ".repeat((NPY_ALIGN - unpadded % NPY_ALIGN) % NPY_ALIGN) + "\n";
    byte[] headerBytes = header.getBytes(StandardCharsets.US_ASCII);
    ByteBuffer body = ByteBuffer.allocate(NPY_MAGIC.length + 2 + headerBytes.length
        + 4 * map.values().length).order(ByteOrder.LITTLE_ENDIAN);
    body.put(NPY_MAGIC).putShort((short) headerBytes.length).put(headerBytes);
    for (float v : map.values()) {
      body.putFloat(v);
    }
    AtomicFiles.write(file, out -> out.write(body.array()));
  }
}
