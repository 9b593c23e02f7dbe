package dev.sommelier.tasks.data;

/**
 * An image whose header declares more pixels than the decoder was allowed to decode. It is thrown
 * before any pixel data is read, so that a small file that expands to gigabytes (a decompression
 * bomb) costs nothing but its header.
 */
public final class ImageTooLargeException extends ImageDecodeException {

  private static final long serialVersionUID = 1L;

  private final int width;
  private final int height;
  private final long maxPixels;

  /**
   * @param source the file or sample id
   * @param width the width the header declares
   * @param height the height the header declares
   * @param maxPixels the limit it is over
   */
  public ImageTooLargeException(String source, int width, int height, long maxPixels) {
    super(source, "too large: " + width + "x" + height + " is over " + maxPixels + " pixels",
        null);
    this.width = width;
    this.height = height;
    this.maxPixels = maxPixels;
  }

  /** The width the image's header declares. */
  public int width() {
    return width;
  }

  /** The height the image's header declares. */
  public int height() {
    return height;
  }

  /** The limit, in pixels, that the image is over. */
  public long maxPixels() {
    return maxPixels;
  }
}
