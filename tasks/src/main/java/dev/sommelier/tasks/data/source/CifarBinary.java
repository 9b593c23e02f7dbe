package dev.sommelier.tasks.data.source;

import dev.sommelier.tasks.data.DataSet;
import dev.sommelier.tasks.data.ImageDecodeException;
import dev.sommelier.tasks.data.RgbImage;
import dev.sommelier.tasks.data.Sample;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The CIFAR-10 binary format: files of records, each 1 label byte then a 32x32 image as 1024 red,
 * 1024 green and 1024 blue bytes, row-major. A sample's id is {@code <file>#<record>}, 0-based;
 * its image is read from the file when loaded. The label is either a class index (into the names
 * given, or {@code "0"} .. {@code "9"}) or a value (the label byte as a number, such as a rank).
 */
public final class CifarBinary {

  /** Side of a CIFAR image. */
  public static final int SIDE = 32;

  /** Bytes of one record: the label and 32x32x3 pixels. */
  public static final int RECORD_BYTES = 1 + SIDE * SIDE * 3;

  private static final int DEFAULT_CLASSES = 10;

  private CifarBinary() {}

  /**
   * The records of {@code files} as classes.
   *
   * @param classNames names in label order, or empty for "0" .. "9"
   * @throws IllegalArgumentException for a file that is not whole records, or a label outside the
   *     names
   */
  public static DataSet classes(List<Path> files, List<String> classNames) throws IOException {
    List<String> names = classNames.isEmpty() ? digits() : classNames;
    List<Sample> samples = new ArrayList<>();
    for (Path file : files) {
      byte[] labels = labels(file);
      for (int r = 0; r < labels.length; r++) {
        int label = labels[r] & 0xFF;
        if (label >= names.size()) {
          throw new IllegalArgumentException(id(file, r) + " has label " + label + ", outside the "
              + names.size() + " classes" + (classNames.isEmpty() ? "; pass the class names" : ""));
        }
        int record = r;
        samples.add(Sample.ofClass(id(file, r), () -> read(file, record), label));
      }
    }
    return new DataSet(DataSet.Kind.CLASSES, names, samples);
  }

  /** The records of {@code files} as values: the label byte, 0..255, as a number. */
  public static DataSet values(List<Path> files) throws IOException {
    List<Sample> samples = new ArrayList<>();
    for (Path file : files) {
      byte[] labels = labels(file);
      for (int r = 0; r < labels.length; r++) {
        int record = r;
        samples.add(Sample.ofValue(id(file, r), () -> read(file, record), labels[r] & 0xFF));
      }
    }
    return new DataSet(DataSet.Kind.VALUES, List.of(), samples);
  }

  /** One record's image, planar RGB turned into interleaved RGB. */
  public static RgbImage image(byte[] record, int offset) {
    int plane = SIDE * SIDE;
    byte[] rgb = new byte[plane * 3];
    for (int i = 0; i < plane; i++) {
      rgb[3 * i] = record[offset + 1 + i];
      rgb[3 * i + 1] = record[offset + 1 + plane + i];
      rgb[3 * i + 2] = record[offset + 1 + 2 * plane + i];
    }
    return new RgbImage(SIDE, SIDE, rgb);
  }

  private static String id(Path file, int record) {
    return file + "#" + record;
  }

  /** The label byte of every record, checking that the file is whole records. */
  private static byte[] labels(Path file) throws IOException {
    long size = Files.size(file);
    if (size == 0 || size % RECORD_BYTES != 0) {
      throw new IllegalArgumentException(file + " is " + size + " bytes, not a whole number of "
          + RECORD_BYTES + "-byte CIFAR-10 records");
    }
    byte[] labels = new byte[(int) (size / RECORD_BYTES)];
    byte[] record = new byte[RECORD_BYTES];
    try (InputStream in = Files.newInputStream(file)) {
      for (int r = 0; r < labels.length; r++) {
        if (in.readNBytes(record, 0, RECORD_BYTES) != RECORD_BYTES) {
          throw new IOException(file + " ended early at record " + r);
        }
        labels[r] = record[0];
      }
    }
    return labels;
  }

  private static RgbImage read(Path file, int record) throws ImageDecodeException {
    ByteBuffer buffer = ByteBuffer.allocate(RECORD_BYTES);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long position = (long) record * RECORD_BYTES;
      while (buffer.hasRemaining()) {
        if (ch.read(buffer, position + buffer.position()) < 0) {
          throw new ImageDecodeException(id(file, record), "file ended inside the record", null);
        }
      }
    } catch (IOException e) {
      throw new ImageDecodeException(id(file, record), "cannot read: " + e.getMessage(), e);
    }
    return image(buffer.array(), 0);
  }

  private static List<String> digits() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < DEFAULT_CLASSES; i++) {
      names.add(Integer.toString(i));
    }
    return names;
  }
}
