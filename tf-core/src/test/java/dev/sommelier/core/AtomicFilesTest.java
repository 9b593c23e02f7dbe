package dev.sommelier.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @TempDir Path dir;

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void replacesTheFileWholeWithTheUsualPermissionsAndLeavesNoTemporaryFile() throws Exception {
    Path file = dir.resolve("report.json");
    AtomicFiles.write(file, out -> out.write("old".getBytes(StandardCharsets.UTF_8)));
    AtomicFiles.write(file, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
    assertEquals("new", Files.readString(file));
    Path plain = Files.createFile(dir.resolve("plain"));
    assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(file),
        "as a plainly created file (the umask's), not owner-only");
    assertEquals(List.of("plain", "report.json"), names());
  }

  @Test
  void aFailedWriteKeepsTheOldFile() throws Exception {
    Path file = dir.resolve("report.json");
    AtomicFiles.write(file, out -> out.write("old".getBytes(StandardCharsets.UTF_8)));
    assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
      out.write("half".getBytes(StandardCharsets.UTF_8));
      throw new IOException("disk full");
    }));
    assertEquals("old", Files.readString(file));
    assertEquals(List.of("report.json"), names());
  }
}
