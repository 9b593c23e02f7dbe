package dev.sommelier.tasks.jobs;

import dev.sommelier.tasks.data.synthetic.Glyph;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Small light glyphs (radius 12 to 20 % of the side) at random places on a dark noisy background,
 * in class folders: a task a small CNN learns from scratch within a few epochs, since the glyph is
 * always lighter than its background, yet one where an augmentation that hides or scatters small
 * objects costs accuracy (tests only).
 */
public final class BrightShapes {

  private BrightShapes() {}

  /** Writes {@code perClass} PNGs of side {@code size} for each of the first {@code classes}. */
  public static void write(Path dir, int classes, int perClass, int size, long seed)
      throws IOException {
    Random random = new Random(seed);
    for (Glyph glyph : Glyph.first(classes)) {
      Path folder = Files.createDirectories(dir.resolve(glyph.label()));
      for (int i = 0; i < perClass; i++) {
        ImageIO.write(draw(glyph, size, random), "png", folder.resolve(i + ".png").toFile());
      }
    }
  }

  private static BufferedImage draw(Glyph glyph, int size, Random random) {
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int v = 30 + random.nextInt(40);
        image.setRGB(x, y, v << 16 | v << 8 | v);
      }
    }
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    double r = size * (0.12 + 0.08 * random.nextDouble());
    double cx = r + random.nextDouble() * (size - 2 * r);
    double cy = r + random.nextDouble() * (size - 2 * r);
    g.setColor(new Color(200 + random.nextInt(56), 200 + random.nextInt(56),
        200 + random.nextInt(56)));
    g.fill(glyph.shape(cx, cy, r));
    g.dispose();
    return image;
  }
}
