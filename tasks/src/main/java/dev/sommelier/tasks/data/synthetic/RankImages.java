package dev.sommelier.tasks.data.synthetic;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.QuadCurve2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Images for regression: one green, cucumber-like curved stroke whose length encodes an integer
 * rank 1..R (rank 1 a quarter of the side, rank R 85% of it, linear between), at a random place,
 * angle and bend on a noisy background. Files are {@code dir/<rank>_<nnnn>.<ext>} (loadable as
 * classes by {@code FileNameLabels}) and {@code dir/values.csv} holds {@code path,value} rows with
 * a header (loadable as values by {@code CsvLabels.values}).
 *
 * @param ranks number of ranks R, at least 2
 * @param perRank images per rank
 * @param size side of the square images in pixels
 * @param format PNG or JPEG
 * @param seed seed of everything random
 */
public record RankImages(int ranks, int perRank, int size, FileFormat format, long seed) {

  /** Name of the CSV of values written beside the images. */
  public static final String VALUES_CSV = "values.csv";

  /** Checks the counts. */
  public RankImages {
    if (ranks < 2 || perRank < 1 || size < 16) {
      throw new IllegalArgumentException("need ranks >= 2, perRank >= 1 and size >= 16, got "
          + ranks + ", " + perRank + ", " + size);
    }
  }

  /** {@code ranks x perRank} PNGs of 64x64, seed 0. */
  public static RankImages of(int ranks, int perRank) {
    return new RankImages(ranks, perRank, 64, FileFormat.PNG, 0);
  }

  /** The same set with seed {@code s}. */
  public RankImages withSeed(long s) {
    return new RankImages(ranks, perRank, size, format, s);
  }

  /** Writes the images and the CSV of values under {@code dir}; returns them rank by rank. */
  public List<GeneratedImage> writeTo(Path dir) throws IOException {
    Random random = new Random(seed);
    List<GeneratedImage> out = new ArrayList<>();
    for (int rank = 1; rank <= ranks; rank++) {
      for (int i = 0; i < perRank; i++) {
        Path file = dir.resolve(String.format("%d_%04d.%s", rank, i, format.extension()));
        format.write(draw(rank, ranks, size, random), file);
        out.add(new GeneratedImage(file, rank - 1, Integer.toString(rank), rank));
      }
    }
    try (Writer w = Files.newBufferedWriter(dir.resolve(VALUES_CSV), StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT)) {
      csv.printRecord("path", "value");
      for (GeneratedImage g : out) {
        csv.printRecord(g.file().getFileName().toString(), (int) g.value());
      }
    }
    return out;
  }

  /** The stroke length in pixels of {@code rank} out of {@code ranks}. */
  public static double length(int rank, int ranks, int size) {
    return size * (0.25 + 0.6 * (rank - 1) / (ranks - 1));
  }

  /** One image of {@code rank}. */
  public static BufferedImage draw(int rank, int ranks, int size, Random random) {
    BufferedImage image = Canvas.noisyBackground(size, random);
    double length = length(rank, ranks, size);
    double angle = random.nextDouble() * Math.PI;
    double thickness = size * (0.08 + 0.04 * random.nextDouble());
    double dx = Math.cos(angle) * length / 2;
    double dy = Math.sin(angle) * length / 2;
    double margin = thickness;
    double cx = pick(random, Math.abs(dx) + margin, size - Math.abs(dx) - margin, size);
    double cy = pick(random, Math.abs(dy) + margin, size - Math.abs(dy) - margin, size);
    double bend = (random.nextDouble() * 2 - 1) * 0.15 * length;
    QuadCurve2D curve = new QuadCurve2D.Double(cx - dx, cy - dy,
        cx - Math.sin(angle) * bend, cy + Math.cos(angle) * bend, cx + dx, cy + dy);
    Graphics2D g = Canvas.graphics(image);
    g.setStroke(new BasicStroke((float) thickness, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.setColor(green(image, (int) cx, (int) cy, random));
    g.draw(curve);
    g.dispose();
    return image;
  }

  /** Dark green on a light background, light green on a dark one. */
  private static Color green(BufferedImage image, int x, int y, Random random) {
    int rgb = image.getRGB(Math.max(0, Math.min(image.getWidth() - 1, x)),
        Math.max(0, Math.min(image.getHeight() - 1, y)));
    int lum = ((rgb >> 16 & 0xFF) * 299 + (rgb >> 8 & 0xFF) * 587 + (rgb & 0xFF) * 114) / 1000;
    return lum > 127
        ? new Color(20 + random.nextInt(40), 80 + random.nextInt(60), 20 + random.nextInt(40))
        : new Color(120 + random.nextInt(50), 200 + random.nextInt(56), 100 + random.nextInt(50));
  }

  private static double pick(Random random, double lo, double hi, int size) {
    return hi <= lo ? size / 2.0 : lo + random.nextDouble() * (hi - lo);
  }
}
