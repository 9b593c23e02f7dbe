package dev.sommelier.examples.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ServiceOptionsTest {

  @Test
  void defaultsBoundTheServiceByTheCores() {
    ServiceOptions o = ServiceOptions.parse("runs/demo/model");
    assertEquals(new ServiceOptions(Path.of("runs/demo/model"), "127.0.0.1", 8080,
        Runtime.getRuntime().availableProcessors(), 16, 10_000_000L, 24_000_000L), o);
    assertEquals(o.workers() + 16, o.admitted());
  }

  @Test
  void optionsAreReadInAnyOrder() {
    ServiceOptions o = ServiceOptions.parse("--queue=0", "m", "--workers=3",
        "--max-pixels=1_000_000", "--port=0");
    assertEquals(3, o.admitted());
    assertEquals(1_000_000L, o.maxPixels());
    assertEquals(0, o.port());
  }

  @Test
  void mistakesNameTheOption() {
    assertMessage("unknown option --thread=2", "--thread=2", "m");
    assertMessage("--workers must be at least 1", "--workers=0", "m");
    assertMessage("--queue must be a whole number", "--queue=many", "m");
    assertMessage("--port needs a value", "--port", "m");
    assertMessage("model folder is missing", "--port=1");
  }

  private static void assertMessage(String expected, String... args) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ServiceOptions.parse(args));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
