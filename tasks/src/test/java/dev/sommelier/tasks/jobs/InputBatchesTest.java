package dev.sommelier.tasks.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link InputBatches}: batches of decoded inputs, skipped files with reasons, known classes. */
class InputBatchesTest {

  private static final List<String> CLASSES = List.of("cat", "dog");

  @TempDir Path tmp;

  @Test
  void handsOnTheDecodedImagesOfEachBatchAndListsTheSkippedOnes() throws Exception {
    List<Path> files = List.of(
        BrightnessModel.greyImage(tmp.resolve("cat/a.png"), 10),
        broken("b.png"),
        BrightnessModel.greyImage(tmp.resolve("dog/c.png"), 20),
        broken("cat/d.png"),
        broken("e.png"),
        broken("f.png"),
        BrightnessModel.greyImage(tmp.resolve("g.png"), 30));
    List<List<Integer>> batches = new ArrayList<>();
    List<String> truths = new ArrayList<>();
    List<Integer> greys = new ArrayList<>();
    List<SkippedImage> skipped = InputBatches.read(files, CLASSES, 2, batch -> {
      batches.add(batch.stream().map(InputBatches.InputImage::number).toList());
      batch.forEach(i -> truths.add(i.trueClass()));
      batch.forEach(i -> greys.add(i.image().rgb()[0] & 0xFF));
    });

    assertEquals(List.of(List.of(0), List.of(2), List.of(6)), batches,
        "the batch of e and f, both broken, is left out");
    assertEquals(Arrays.asList("cat", "dog", null), truths);
    assertEquals(List.of(10, 20, 30), greys);
    assertEquals(List.of("b.png", "d.png", "e.png", "f.png"),
        skipped.stream().map(s -> Path.of(s.file()).getFileName().toString()).toList());
    skipped.forEach(s -> assertFalse(s.reason().isBlank(), s.file()));
  }

  @Test
  void failsWithEveryFilesReasonWhenNoneDecodes() throws Exception {
    List<Path> files = List.of(broken("x.png"), broken("y.jpg"));
    List<Integer> handled = new ArrayList<>();
    NoImageReadException e = assertThrows(NoImageReadException.class,
        () -> InputBatches.read(files, CLASSES, 1, batch -> handled.add(batch.size())));
    assertEquals(List.of(), handled);
    assertEquals(files.stream().map(Path::toString).toList(),
        e.skipped().stream().map(SkippedImage::file).toList());
  }

  private Path broken(String name) throws Exception {
    Path file = tmp.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, "not an image");
  }
}
