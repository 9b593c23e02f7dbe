package dev.sommelier.examples.service;

import java.util.Locale;
import java.util.Set;

/** The Content-Types {@code POST /predict} takes: an image's raw bytes, nothing wrapped. */
final class UploadTypes {

  static final Set<String> ACCEPTED = Set.of("image/jpeg", "image/png", "image/bmp", "image/gif",
      "image/tiff", "application/octet-stream");

  private static final String HOW = "send the image's raw bytes as the body, e.g. curl "
      + "--data-binary @photo.jpg -H 'Content-Type: image/jpeg' localhost:8080/predict";

  private UploadTypes() {}

  /**
   * Checks a request's Content-Type header (parameters and case ignored).
   *
   * @throws HttpError 415 naming the type and what to send instead
   */
  static void check(String contentType) throws HttpError {
    if (contentType == null || contentType.isBlank()) {
      throw new HttpError(415, "no Content-Type; " + HOW);
    }
    String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (type.startsWith("multipart/")) {
      throw new HttpError(415, "multipart uploads (" + type + ") are not read; " + HOW);
    }
    if (!ACCEPTED.contains(type)) {
      throw new HttpError(415, "unsupported Content-Type " + type + "; accepted: "
          + String.join(", ", ACCEPTED.stream().sorted().toList()) + "; " + HOW);
    }
  }
}
