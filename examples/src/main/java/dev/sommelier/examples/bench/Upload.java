package dev.sommelier.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One image file read into memory with the Content-Type its extension implies.
 *
 * @param file where it was read from
 * @param bytes its content
 * @param contentType the type sent with it
 */
record Upload(Path file, byte[] bytes, String contentType) {

  private static final Map<String, String> TYPES = Map.of("jpg", "image/jpeg", "jpeg",
      "image/jpeg", "png", "image/png", "bmp", "image/bmp", "gif", "image/gif", "tif",
      "image/tiff", "tiff", "image/tiff");

  /**
   * Every image file under {@code folder} (sub-folders included), in path order.
   *
   * @throws IOException when the folder cannot be read, or holds no image file
   */
  static List<Upload> under(Path folder) throws IOException {
    List<Path> files;
    try (Stream<Path> all = Files.walk(folder)) {
      files = all.filter(Files::isRegularFile).filter(f -> type(f) != null).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IOException(folder + " holds no image file (" + String.join(", ",
          TYPES.keySet().stream().sorted().toList()) + ")");
    }
    List<Upload> uploads = new ArrayList<>();
    for (Path f : files) {
      uploads.add(new Upload(f, Files.readAllBytes(f), type(f)));
    }
    return uploads;
  }

  private static String type(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? null : TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }
}
