package dev.sommelier.tasks.data.synthetic;

import dev.sommelier.tasks.data.NaturalOrder;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Multi-label images: each holds a random subset of {@code labels} shapes (each present with
 * probability one half, possibly none), every shape in its own quarter of the image, on a noisy
 * background. {@link #writeTo} writes PNGs and {@code labels.csv} ({@code file,labels}, labels
 * separated by {@code |}), and returns each image's shapes with their bounding boxes.
 *
 * @param labels how many shapes (2 to 4: one quarter each)
 * @param images how many images
 * @param size side in pixels
 * @param seed the seed of everything drawn
 */
public record MultiShapeImages(int labels, int images, int size, long seed) {

  /** The CSV's name. */
  public static final String CSV = "labels.csv";

  /** Checks the numbers. */
  public MultiShapeImages {
    if (labels < 2 || labels > 4 || images < 1 || size < 16) {
      throw new IllegalArgumentException("2 to 4 labels, at least one image of at least 16"
          + " pixels; got " + labels + ", " + images + ", " + size);
    }
  }

  /**
   * One written image.
   *
   * @param file where it is
   * @param boxes each shape it holds, by label name, with its bounding box in pixels
   */
  public record Drawn(Path file, Map<String, Rectangle> boxes) {}

  /** The label names, in natural order. */
  public List<String> labelNames() {
    return glyphs().stream().map(Glyph::label).toList();
  }

  /** Writes the images and {@code labels.csv} under {@code dir}. */
  public List<Drawn> writeTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    Random random = new Random(seed);
    List<Glyph> glyphs = glyphs();
    List<Drawn> out = new ArrayList<>();
    List<String> csv = new ArrayList<>(List.of("file,labels"));
    int half = size / 2;
    for (int i = 0; i < images; i++) {
      BufferedImage image = Canvas.noisyBackground(size, random);
      List<Integer> quarters = new ArrayList<>(List.of(0, 1, 2, 3));
      Collections.shuffle(quarters, random);
      Map<String, Rectangle> boxes = new LinkedHashMap<>();
      Graphics2D g = Canvas.graphics(image);
      for (int j = 0; j < glyphs.size(); j++) {
        if (!random.nextBoolean()) {
          continue;
        }
        int q = quarters.get(j);
        double r = half * (0.3 + 0.12 * random.nextDouble());
        double cx = (q % 2) * half + r + random.nextDouble() * (half - 2 * r);
        double cy = (q / 2) * half + r + random.nextDouble() * (half - 2 * r);
        g.setColor(Canvas.contrasting(image, (int) cx, (int) cy, random));
        g.fill(glyphs.get(j).shape(cx, cy, r));
        boxes.put(glyphs.get(j).label(), glyphs.get(j).shape(cx, cy, r).getBounds());
      }
      g.dispose();
      Path file = dir.resolve(String.format("img_%04d.png", i));
      FileFormat.PNG.write(image, file);
      out.add(new Drawn(file, boxes));
      csv.add(file.getFileName() + "," + String.join("|", boxes.keySet().stream()
          .sorted(NaturalOrder.INSTANCE).toList()));
    }
    Files.write(dir.resolve(CSV), csv, StandardCharsets.UTF_8);
    return out;
  }

  private List<Glyph> glyphs() {
    return List.of(Glyph.CROSS, Glyph.RING, Glyph.TRIANGLE, Glyph.STAR).subList(0, labels)
        .stream().sorted(Comparator.comparing(Glyph::label, NaturalOrder.INSTANCE)).toList();
  }
}
