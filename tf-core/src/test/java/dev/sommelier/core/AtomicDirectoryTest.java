package dev.sommelier.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a writer killed part way leaves (its siblings, made here by hand as a SIGKILL leaves them,
 * under a process id no system uses) is recovered or deleted, and a running writer's is not.
 */
class AtomicDirectoryTest {

  private static final long DEAD = 999_999_999L;

  @TempDir Path dir;

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static void write(Path target, String content) {
    AtomicDirectory.write(target, tmp -> Files.writeString(tmp.resolve("content"), content));
  }

  private static Path withContent(Path d, String content) throws IOException {
    Files.createDirectories(d);
    Files.writeString(d.resolve("content"), content);
    return d;
  }

  @Test
  void aKillBetweenTheTwoRenamesIsUndoneByTheNextReaderOrWriter() throws Exception {
    Path last = dir.resolve("last");
    write(last, "epoch 2");
    Files.move(last, dir.resolve("last.old-" + DEAD));
    withContent(dir.resolve("last.tmp-" + DEAD), "epoch 3");
    AtomicDirectory.recover(last);
    assertEquals("epoch 2", Files.readString(last.resolve("content")));
    write(last, "epoch 3");
    assertEquals("epoch 3", Files.readString(last.resolve("content")));
    assertEquals(List.of("last"), names());
  }

  @Test
  void aWriteDeletesWhatKilledWritersLeftButNotWhatARunningWriterWrites() throws Exception {
    Path last = dir.resolve("last");
    write(last, "epoch 1");
    withContent(dir.resolve("last.tmp-" + DEAD), "half of epoch 2");
    withContent(dir.resolve("last.old-" + (DEAD - 1)), "half deleted");
    String running = "last.tmp-" + ProcessHandle.current().parent().orElseThrow().pid();
    withContent(dir.resolve(running), "another process at work");
    withContent(dir.resolve("last.tmp-notes"), "not a writer's");
    write(last, "epoch 2");
    assertEquals("epoch 2", Files.readString(last.resolve("content")));
    assertEquals(List.of("last", running, "last.tmp-notes"), names());
  }

  @Test
  void twoOldVersionsAndNoCurrentOneAreNotGuessedBetween() throws Exception {
    Path last = dir.resolve("last");
    withContent(dir.resolve("last.old-" + DEAD), "one");
    withContent(dir.resolve("last.old-" + (DEAD - 1)), "other");
    AtomicDirectory.recover(last);
    assertFalse(Files.exists(last));
  }
}
