package dev.sommelier.examples.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UploadTypesTest {

  @Test
  void imageTypesPassWhateverTheirCaseAndParameters() {
    assertDoesNotThrow(() -> UploadTypes.check("image/jpeg"));
    assertDoesNotThrow(() -> UploadTypes.check("Image/PNG; charset=binary"));
    assertDoesNotThrow(() -> UploadTypes.check("application/octet-stream"));
  }

  @Test
  void multipartIsRefusedWithHowToSendTheRawBytes() {
    HttpError e = assertThrows(HttpError.class,
        () -> UploadTypes.check("multipart/form-data; boundary=xyz"));
    assertEquals(415, e.status());
    assertTrue(e.getMessage().contains("--data-binary @photo.jpg"), e.getMessage());
  }

  @Test
  void otherOrMissingTypesAreRefusedNamingTheAcceptedOnes() {
    HttpError e = assertThrows(HttpError.class,
        () -> UploadTypes.check("application/x-www-form-urlencoded"));
    assertEquals(415, e.status());
    assertTrue(e.getMessage().contains("image/tiff"), e.getMessage());
    assertEquals(415, assertThrows(HttpError.class, () -> UploadTypes.check(null)).status());
  }
}
