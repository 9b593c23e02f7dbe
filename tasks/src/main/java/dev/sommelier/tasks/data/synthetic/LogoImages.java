package dev.sommelier.tasks.data.synthetic;

import dev.sommelier.tasks.data.NaturalOrder;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A test of where a model looks: every image shows a large machine-like body (a grey rounded
 * box with panels and vents, drawn the same way whatever the class) and one small logo, a {@link
 * Glyph}, at a random place on it; only the logo's shape decides the class, and its colour is drawn
 * from the same palette for every class. The logo's bounding box is returned and written to
 * {@code dir/boxes.csv} as {@code path,class,x0,y0,x1,y1} (pixels, {@code x1}/{@code y1}
 * exclusive, path relative to {@code dir}) so that a Grad-CAM map can be checked against it.
 * Images are in class folders named after the glyphs. The {@link LogoStyle} sets the logo's size
 * and how many distractor marks surround it (none by default).
 *
 * @param classes number of logo glyphs, 1 to 8
 * @param perClass images per class
 * @param size side of the square images in pixels
 * @param format PNG or JPEG
 * @param seed seed of everything random
 * @param style the logo's size and the clutter around it
 */
public record LogoImages(int classes, int perClass, int size, FileFormat format, long seed,
    LogoStyle style) {

  /** Name of the CSV of logo boxes written beside the class folders. */
  public static final String BOXES_CSV = "boxes.csv";

  private static final Color[] LOGO_COLOURS = {
    new Color(200, 30, 30), new Color(30, 60, 200), new Color(240, 200, 20), new Color(20, 20, 20),
    new Color(250, 250, 250), new Color(30, 160, 60)
  };

  /** Checks the counts. */
  public LogoImages {
    Objects.requireNonNull(style, "style");
    Glyph.first(classes);
    if (perClass < 1 || size < 32) {
      throw new IllegalArgumentException("need perClass >= 1 and size >= 32, got " + perClass
          + " and " + size);
    }
  }

  /** Plain logos ({@link LogoStyle#PLAIN}). */
  public LogoImages(int classes, int perClass, int size, FileFormat format, long seed) {
    this(classes, perClass, size, format, seed, LogoStyle.PLAIN);
  }

  /** {@code classes x perClass} PNGs of 64x64, seed 0, plain logos. */
  public static LogoImages of(int classes, int perClass) {
    return new LogoImages(classes, perClass, 64, FileFormat.PNG, 0);
  }

  /** The same set with seed {@code s}. */
  public LogoImages withSeed(long s) {
    return new LogoImages(classes, perClass, size, format, s, style);
  }

  /** The same set in style {@code s}. */
  public LogoImages withStyle(LogoStyle s) {
    return new LogoImages(classes, perClass, size, format, seed, s);
  }

  /** One written image and where its logo is. */
  public record LogoImage(GeneratedImage image, Rectangle box) {}

  /** One drawn image and where its logo is. */
  public record Drawn(BufferedImage image, Rectangle box) {}

  /** Class names in index order (natural order of the glyph names). */
  public List<String> classNames() {
    return glyphs().stream().map(Glyph::label).toList();
  }

  private List<Glyph> glyphs() {
    return Glyph.first(classes).stream()
        .sorted(Comparator.comparing(Glyph::label, NaturalOrder.INSTANCE)).toList();
  }

  /** Writes the images and {@code boxes.csv} under {@code dir}; returns them class by class. */
  public List<LogoImage> writeTo(Path dir) throws IOException {
    List<Glyph> glyphs = glyphs();
    Random random = new Random(seed);
    List<LogoImage> out = new ArrayList<>();
    for (int k = 0; k < glyphs.size(); k++) {
      String name = glyphs.get(k).label();
      for (int i = 0; i < perClass; i++) {
        Path file = dir.resolve(name).resolve(String.format("%s_%04d.%s", name, i,
            format.extension()));
        Drawn d = draw(glyphs.get(k), size, style, random);
        format.write(d.image(), file);
        out.add(new LogoImage(new GeneratedImage(file, k, name, Float.NaN), d.box()));
      }
    }
    try (Writer w = Files.newBufferedWriter(dir.resolve(BOXES_CSV), StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT)) {
      csv.printRecord("path", "class", "x0", "y0", "x1", "y1");
      for (LogoImage l : out) {
        Rectangle b = l.box();
        csv.printRecord(dir.relativize(l.image().file()).toString().replace('\\', '/'),
            l.image().className(), b.x, b.y, b.x + b.width, b.y + b.height);
      }
    }
    return out;
  }

  /** One image with {@code logo} on a machine body, {@link LogoStyle#PLAIN}. */
  public static Drawn draw(Glyph logo, int size, Random random) {
    return draw(logo, size, LogoStyle.PLAIN, random);
  }

  /**
   * One image with {@code logo} on a machine body, as large as {@code style} says, the
   * distractors drawn first and clear of the logo's circle; the random draws do not depend on
   * {@code logo}, so one stream draws the same picture around each glyph.
   */
  public static Drawn draw(Glyph logo, int size, LogoStyle style, Random random) {
    BufferedImage image = Canvas.noisyBackground(size, random);
    Graphics2D g = Canvas.graphics(image);
    Rectangle body = drawBody(g, size, random);
    double r = size * (style.minRadius()
        + (style.maxRadius() - style.minRadius()) * random.nextDouble());
    double cx = body.x + r + 1 + random.nextDouble() * (body.width - 2 * r - 2);
    double cy = body.y + r + 1 + random.nextDouble() * (body.height - 2 * r - 2);
    Shape shape = logo.shape(cx, cy, r);
    Color colour = LOGO_COLOURS[random.nextInt(LOGO_COLOURS.length)];
    double clear = r + Math.max(2, 0.3 * r);
    Distractors.draw(g, size, r, new Rectangle2D.Double(cx - clear, cy - clear, 2 * clear,
        2 * clear), LOGO_COLOURS, style.distractors(), random);
    g.setColor(colour);
    g.fill(shape);
    g.dispose();
    Rectangle box = shape.getBounds().intersection(new Rectangle(0, 0, size, size));
    return new Drawn(image, box);
  }

  /** A grey rounded body covering 60-85% of each side, with two panels and vents; its bounds. */
  private static Rectangle drawBody(Graphics2D g, int size, Random random) {
    int w = (int) (size * (0.6 + 0.25 * random.nextDouble()));
    int h = (int) (size * (0.6 + 0.25 * random.nextDouble()));
    int x = random.nextInt(size - w + 1);
    int y = random.nextInt(size - h + 1);
    int grey = 90 + random.nextInt(100);
    g.setColor(new Color(grey, grey, Math.min(255, grey + 10)));
    g.fill(new RoundRectangle2D.Double(x, y, w, h, size * 0.15, size * 0.15));
    for (int p = 0; p < 2; p++) {
      int pw = w / 4 + random.nextInt(w / 4);
      int ph = h / 5 + random.nextInt(h / 5);
      int shade = grey + (random.nextBoolean() ? 30 : -30);
      g.setColor(new Color(shade, shade, shade));
      g.fillRect(x + random.nextInt(w - pw), y + random.nextInt(h - ph), pw, ph);
    }
    g.setColor(new Color(grey - 50, grey - 50, grey - 50));
    int vy = y + h - h / 6;
    for (int v = 0; v < 4; v++) {
      int vx = x + w / 8 + v * w / 6;
      g.drawLine(vx, vy - h / 10, vx, vy);
    }
    return new Rectangle(x, y, w, h);
  }
}
