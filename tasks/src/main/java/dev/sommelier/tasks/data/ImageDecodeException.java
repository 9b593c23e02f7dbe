package dev.sommelier.tasks.data;

/**
 * An image that cannot be decoded: unreadable, empty, truncated, corrupt or of an unknown format.
 * The message names the image (its path or sample id) and the reason.
 */
public class ImageDecodeException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final String reason;

  /**
   * @param source the file or sample id
   * @param reason why it could not be decoded, short
   * @param cause the underlying failure, or null
   */
  public ImageDecodeException(String source, String reason, Throwable cause) {
    super(source + ": " + reason, cause);
    this.source = source;
    this.reason = reason;
  }

  /** The file or sample id that could not be decoded. */
  public String source() {
    return source;
  }

  /** Why, without the source. */
  public String reason() {
    return reason;
  }
}
