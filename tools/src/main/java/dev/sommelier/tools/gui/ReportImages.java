package dev.sommelier.tools.gui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/** The run report's plots and pictures decoded for display (off the EDT). */
final class ReportImages {

  /** A PNG read for display, with its file name as caption. */
  record Image(String name, BufferedImage image) {}

  private ReportImages() {}

  /** {@code files} decoded; one that cannot be read is left out and named to {@code problems}. */
  static List<Image> load(List<Path> files, Consumer<String> problems) {
    List<Image> loaded = new ArrayList<>();
    for (Path p : files) {
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
