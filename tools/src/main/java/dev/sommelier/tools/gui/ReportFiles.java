package dev.sommelier.tools.gui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * The run report a training run leaves in {@code OUT/report/}: {@code index.html} and the PNG
 * charts beside it, if a report was written.
 *
 * @param index {@code OUT/report/index.html}, or null when there is none
 * @param images the PNG files in {@code OUT/report/}, by name
 */
record ReportFiles(Path index, List<Path> images) {

  /** A PNG read for display. */
  record Image(String name, BufferedImage image) {}

  /** Copies the list. */
  ReportFiles {
    images = List.copyOf(images);
  }

  /** What {@code out/report/} holds; nothing when it does not exist. */
  static ReportFiles in(Path out) throws IOException {
    Path dir = out.resolve("report");
    if (!Files.isDirectory(dir)) {
      return new ReportFiles(null, List.of());
    }
    Path index = dir.resolve("index.html");
    try (Stream<Path> files = Files.list(dir)) {
      return new ReportFiles(Files.isRegularFile(index) ? index : null,
          files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png"))
              .filter(Files::isRegularFile).sorted().toList());
    }
  }

  /** The images decoded; one that cannot be read is left out and named to {@code problems}. */
  List<Image> load(Consumer<String> problems) {
    List<Image> loaded = new ArrayList<>();
    for (Path p : images) {
      try {
        BufferedImage image = ImageIO.read(p.toFile());
        if (image == null) {
          problems.accept("not an image: " + p);
        } else {
          loaded.add(new Image(p.getFileName().toString(), image));
        }
      } catch (IOException e) {
        problems.accept("cannot read " + p + ": " + e.getMessage());
      }
    }
    return loaded;
  }
}
