package dev.sommelier.tasks.data.synthetic;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;

/** Drawing helpers the generators share: a noisy, textured background and random colours. */
final class Canvas {

  private static final double NOISE_SIGMA = 12;

  private Canvas() {}

  /**
   * A square image of a random base colour with a random linear gradient and per-pixel Gaussian
   * noise, so that a model cannot solve a task from flat backgrounds.
   */
  static BufferedImage noisyBackground(int size, Random random) {
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_3BYTE_BGR);
    byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    int[] base = {random.nextInt(200) + 28, random.nextInt(200) + 28, random.nextInt(200) + 28};
    double gx = (random.nextDouble() * 2 - 1) * 40.0 / size;
    double gy = (random.nextDouble() * 2 - 1) * 40.0 / size;
    for (int y = 0, i = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        double shade = gx * (x - size / 2.0) + gy * (y - size / 2.0);
        for (int c = 0; c < 3; c++, i++) {
          double v = base[c] + shade + random.nextGaussian() * NOISE_SIGMA;
          bgr[i] = (byte) Math.max(0, Math.min(255, (int) Math.round(v)));
        }
      }
    }
    return image;
  }

  /** Antialiased graphics on {@code image}; the caller disposes it. */
  static Graphics2D graphics(BufferedImage image) {
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    return g;
  }

  /** A colour that stands out from the image's mean colour around ({@code x}, {@code y}). */
  static Color contrasting(BufferedImage image, int x, int y, Random random) {
    int rgb = image.getRGB(Math.max(0, Math.min(image.getWidth() - 1, x)),
        Math.max(0, Math.min(image.getHeight() - 1, y)));
    int lum = ((rgb >> 16 & 0xFF) * 299 + (rgb >> 8 & 0xFF) * 587 + (rgb & 0xFF) * 114) / 1000;
    int lo = lum > 127 ? 0 : 150;
    return new Color(lo + random.nextInt(106), lo + random.nextInt(106), lo + random.nextInt(106));
  }
}
