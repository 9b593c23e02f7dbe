package dev.sommelier.examples.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class UploadBodyTest {

  @Test
  void aBodyAtTheLimitIsReadWhole() throws Exception {
    byte[] body = {1, 2, 3, 4, 5};
    assertArrayEquals(body, UploadBody.read(new ByteArrayInputStream(body), "5", 5));
    assertArrayEquals(body, UploadBody.read(new ByteArrayInputStream(body), null, 5));
  }

  @Test
  void aDeclaredLengthOverTheLimitIsRefusedWithoutReading() {
    InputStream untouchable = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new AssertionError("the body was read");
      }
    };
    HttpError e = assertThrows(HttpError.class,
        () -> UploadBody.read(untouchable, "1000001", 1_000_000));
    assertEquals(413, e.status());
    assertTrue(e.getMessage().contains("1000001 bytes") && e.getMessage().contains("--max-bytes"),
        e.getMessage());
  }

  @Test
  void aBodyWithoutLengthStopsOneBytePastTheLimit() {
    CountingStream endless = new CountingStream();
    HttpError e = assertThrows(HttpError.class, () -> UploadBody.read(endless, null, 100_000));
    assertEquals(413, e.status());
    assertEquals(100_001, endless.served);
  }

  @Test
  void anEmptyBodyOrABadLengthIsABadRequest() {
    assertEquals(400, assertThrows(HttpError.class,
        () -> UploadBody.read(new ByteArrayInputStream(new byte[0]), "0", 10)).status());
    assertEquals(400, assertThrows(HttpError.class,
        () -> UploadBody.read(new ByteArrayInputStream(new byte[1]), "ten", 10)).status());
  }

  /** A body that never ends and counts the bytes handed out. */
  private static final class CountingStream extends InputStream {
    long served;

    @Override
    public int read() {
      served++;
      return 7;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      served += len;
      return len;
    }
  }
}
