package dev.sommelier.examples.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body up to a byte limit: a declared Content-Length over the limit is refused
 * before anything is read, and a body without one (chunked) is read no further than one byte past
 * the limit.
 */
final class UploadBody {

  private UploadBody() {}

  /**
   * The body's bytes.
   *
   * @param contentLength the Content-Length header, or null when there is none
   * @throws HttpError 413 when the body is, or says it is, over {@code maxBytes}; 400 when the
   *     Content-Length is not a number or the body is empty
   */
  static byte[] read(InputStream body, String contentLength, long maxBytes)
      throws HttpError, IOException {
    if (contentLength != null) {
      long declared;
      try {
        declared = Long.parseLong(contentLength.trim());
      } catch (NumberFormatException e) {
        throw new HttpError(400, "Content-Length '" + contentLength + "' is not a number");
      }
      if (declared > maxBytes) {
        throw tooLarge(declared + " bytes", maxBytes);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    int n;
    while ((n = body.read(buffer, 0, (int) Math.min(buffer.length, maxBytes + 1 - total))) > 0) {
      out.write(buffer, 0, n);
      total += n;
      if (total > maxBytes) {
        throw tooLarge("more than " + maxBytes + " bytes", maxBytes);
      }
    }
    if (total == 0) {
      throw new HttpError(400, "the body is empty; send the image's bytes");
    }
    return out.toByteArray();
  }

  private static HttpError tooLarge(String size, long maxBytes) {
    return new HttpError(413, "the body is " + size + ", over the limit of " + maxBytes
        + " bytes (--max-bytes)");
  }
}
