package dev.sommelier.tasks.explain.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * One picture of a whole run: a row per image with the image, its overlays and lines of text (the
 * file name, then the top classes with their probabilities or the value), on white. A flagged row
 * (a wrong answer) has a red frame on a pale red ground, so it stands out when scanning a sheet.
 */
public final class ContactSheet {

  /** Height of every picture in a row, in pixels. */
  public static final int CELL = 160;

  private static final int GAP = 8;
  private static final int FRAME = 3;
  private static final Color FLAG = new Color(220, 20, 20);
  private static final Color FLAG_GROUND = new Color(255, 224, 224);
  private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

  /**
   * One image's row; the pictures are kept as thumbnails {@link #CELL} pixels high, so a long run's
   * rows stay small.
   *
   * @param image the original image
   * @param overlays its overlays, one per explained target
   * @param lines text beside them, top to bottom
   * @param flagged whether the row is drawn to stand out (a wrong answer)
   */
  public record Row(BufferedImage image, List<BufferedImage> overlays, List<String> lines,
      boolean flagged) {

    /** Scales the pictures and copies the lists. */
    public Row {
      image = thumbnail(image);
      overlays = overlays.stream().map(ContactSheet::thumbnail).toList();
      lines = List.copyOf(lines);
    }

    /** A row that is not flagged. */
    public Row(BufferedImage image, List<BufferedImage> overlays, List<String> lines) {
      this(image, overlays, lines, false);
    }
  }

  private ContactSheet() {}

  /** The sheet of {@code rows}, top to bottom. */
  public static BufferedImage draw(List<Row> rows) {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("a contact sheet needs at least one row");
    }
    int width = 0;
    for (Row r : rows) {
      int w = GAP + r.image().getWidth() + GAP;
      for (BufferedImage o : r.overlays()) {
        w += o.getWidth() + GAP;
      }
      width = Math.max(width, w + textWidth(r.lines()) + GAP);
    }
    int height = GAP + rows.size() * (CELL + GAP);
    BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sheet.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
          RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setFont(FONT);
      int y = GAP;
      for (Row r : rows) {
        if (r.flagged()) {
          drawFlag(g, width, y);
        }
        int x = GAP;
        x = drawPicture(g, r.image(), x, y);
        for (BufferedImage o : r.overlays()) {
          x = drawPicture(g, o, x, y);
        }
        drawText(g, r.lines(), x, y);
        y += CELL + GAP;
      }
    } finally {
      g.dispose();
    }
    return sheet;
  }

  private static int scaledWidth(BufferedImage image) {
    return Math.max(1, Math.round((float) image.getWidth() * CELL / image.getHeight()));
  }

  /** {@code image} scaled to {@link #CELL} pixels high: area-averaged down, bilinear up. */
  private static BufferedImage thumbnail(BufferedImage image) {
    if (image.getHeight() == CELL) {
      return image;
    }
    int w = scaledWidth(image);
    BufferedImage out = new BufferedImage(w, CELL, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      if (image.getHeight() > CELL) {
        g.drawImage(image.getScaledInstance(w, CELL, Image.SCALE_AREA_AVERAGING), 0, 0, null);
      } else {
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
            RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, CELL, null);
      }
    } finally {
      g.dispose();
    }
    return out;
  }

  private static int textWidth(List<String> lines) {
    BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = scratch.createGraphics();
    try {
      FontMetrics m = g.getFontMetrics(FONT);
      return lines.stream().mapToInt(m::stringWidth).max().orElse(0);
    } finally {
      g.dispose();
    }
  }

  /** A red frame on a pale red ground in the gaps around the row at {@code y}. */
  private static void drawFlag(Graphics2D g, int width, int y) {
    int half = GAP / 2;
    g.setColor(FLAG);
    g.fillRect(half, y - half, width - GAP, CELL + GAP);
    g.setColor(FLAG_GROUND);
    g.fillRect(half + FRAME, y - half + FRAME, width - GAP - 2 * FRAME, CELL + GAP - 2 * FRAME);
  }

  private static int drawPicture(Graphics2D g, BufferedImage image, int x, int y) {
    g.drawImage(image, x, y, null);
    return x + image.getWidth() + GAP;
  }

  private static void drawText(Graphics2D g, List<String> lines, int x, int y) {
    g.setColor(Color.BLACK);
    FontMetrics m = g.getFontMetrics();
    int baseline = y + m.getAscent();
    for (String line : lines) {
      if (baseline > y + CELL) {
        break;
      }
      g.drawString(line, x, baseline);
      baseline += m.getHeight();
    }
  }
}
