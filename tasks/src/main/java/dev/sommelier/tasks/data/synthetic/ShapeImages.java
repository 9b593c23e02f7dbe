package dev.sommelier.tasks.data.synthetic;

import dev.sommelier.tasks.data.NaturalOrder;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Classes of simple filled shapes ({@link Glyph}s: circle, square, triangle, cross, ...), one
 * shape per image at a random position, size and colour on a noisy background. Class names are
 * the glyph names; their indices follow natural order of the names, as the loaders see them.
 *
 * @param classes number of classes, 1 to 8 (the first glyphs)
 * @param perClass images per class
 * @param size side of the square images in pixels
 * @param format PNG or JPEG
 * @param layout class folders or file-name labels
 * @param seed seed of everything random
 */
public record ShapeImages(int classes, int perClass, int size, FileFormat format, Layout layout,
    long seed) {

  /** Checks the counts. */
  public ShapeImages {
    Glyph.first(classes);
    if (perClass < 1 || size < 16) {
      throw new IllegalArgumentException("need perClass >= 1 and size >= 16, got " + perClass
          + " and " + size);
    }
  }

  /** {@code classes x perClass} PNGs of 64x64 in class folders, seed 0. */
  public static ShapeImages of(int classes, int perClass) {
    return new ShapeImages(classes, perClass, 64, FileFormat.PNG, Layout.CLASS_FOLDERS, 0);
  }

  /** The same set with images of side {@code side}. */
  public ShapeImages withSize(int side) {
    return new ShapeImages(classes, perClass, side, format, layout, seed);
  }

  /** The same set in format {@code f}. */
  public ShapeImages withFormat(FileFormat f) {
    return new ShapeImages(classes, perClass, size, f, layout, seed);
  }

  /** The same set laid out as {@code l}. */
  public ShapeImages withLayout(Layout l) {
    return new ShapeImages(classes, perClass, size, format, l, seed);
  }

  /** The same set with seed {@code s}. */
  public ShapeImages withSeed(long s) {
    return new ShapeImages(classes, perClass, size, format, layout, s);
  }

  /** Class names in index order. */
  public List<String> classNames() {
    return glyphs().stream().map(Glyph::label).toList();
  }

  /** The glyphs drawn, in class-index order (natural order of their names). */
  private List<Glyph> glyphs() {
    return Glyph.first(classes).stream()
        .sorted(Comparator.comparing(Glyph::label, NaturalOrder.INSTANCE)).toList();
  }

  /** Writes every image under {@code dir}; returns them class by class. */
  public List<GeneratedImage> writeTo(Path dir) throws IOException {
    List<Glyph> glyphs = glyphs();
    List<String> names = classNames();
    Random random = new Random(seed);
    List<GeneratedImage> out = new ArrayList<>();
    for (int k = 0; k < classes; k++) {
      for (int i = 0; i < perClass; i++) {
        Path file = layout == Layout.CLASS_FOLDERS
            ? dir.resolve(names.get(k)).resolve(String.format("%s_%04d.%s", names.get(k), i,
                format.extension()))
            : dir.resolve(String.format("%d_%04d.%s", k + 1, i, format.extension()));
        format.write(draw(glyphs.get(k), size, random), file);
        out.add(new GeneratedImage(file, k, names.get(k), Float.NaN));
      }
    }
    if (layout == Layout.FILE_NAME_LABELS) {
      Files.write(dir.resolve("classes.txt"), names, StandardCharsets.UTF_8);
    }
    return out;
  }

  /** One image of {@code glyph}: radius 15-35% of the side, anywhere it fits. */
  public static BufferedImage draw(Glyph glyph, int size, Random random) {
    BufferedImage image = Canvas.noisyBackground(size, random);
    double r = size * (0.15 + 0.2 * random.nextDouble());
    double cx = r + random.nextDouble() * (size - 2 * r);
    double cy = r + random.nextDouble() * (size - 2 * r);
    Graphics2D g = Canvas.graphics(image);
    g.setColor(Canvas.contrasting(image, (int) cx, (int) cy, random));
    g.fill(glyph.shape(cx, cy, r));
    g.dispose();
    return image;
  }
}
