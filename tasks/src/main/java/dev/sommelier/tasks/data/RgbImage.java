package dev.sommelier.tasks.data;

/**
 * An 8-bit RGB image: {@code width * height * 3} bytes, interleaved R, G, B, row-major from the
 * top-left corner. Bytes are unsigned ({@code b & 0xFF}). The array is shared, not copied: treat
 * it as read-only once the image is made.
 *
 * @param width columns, at least 1
 * @param height rows, at least 1
 * @param rgb the pixels
 */
public record RgbImage(int width, int height, byte[] rgb) {

  /** Checks the size of {@code rgb} against the dimensions. */
  public RgbImage {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException(
          "image size must be positive, got " + width + "x" + height);
    }
    if (rgb.length != (long) width * height * 3) {
      throw new IllegalArgumentException(width + "x" + height + " RGB needs "
          + (long) width * height * 3 + " bytes, got " + rgb.length);
    }
  }

  /** Channel {@code c} (0 = R, 1 = G, 2 = B) of pixel ({@code x}, {@code y}), 0..255. */
  public int get(int x, int y, int c) {
    return rgb[(y * width + x) * 3 + c] & 0xFF;
  }

  /** The pixel as {@code 0xRRGGBB}. */
  public int rgbAt(int x, int y) {
    int i = (y * width + x) * 3;
    return (rgb[i] & 0xFF) << 16 | (rgb[i + 1] & 0xFF) << 8 | rgb[i + 2] & 0xFF;
  }
}
