package dev.sommelier.tasks.data.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.tasks.data.DataSet;
import dev.sommelier.tasks.data.RgbImage;
import dev.sommelier.tasks.data.Sample;
import dev.sommelier.tasks.data.SkippedSample;
import dev.sommelier.tasks.data.check.BrokenFiles.Kind;
import dev.sommelier.tasks.data.source.ClassFolders;
import dev.sommelier.tasks.data.synthetic.Glyph;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageCheckTest {

  @TempDir Path dir;

  /** circle: 4 good, a truncated JPEG and an empty file; square: 3 good and a text ".jpg". */
  private DataSet folder() throws Exception {
    BrokenFiles.good(dir.resolve("circle"), Glyph.CIRCLE, 4, 1);
    BrokenFiles.broken(dir.resolve("circle"), "cut", Kind.TRUNCATED_JPEG);
    BrokenFiles.broken(dir.resolve("circle"), "zero", Kind.EMPTY);
    BrokenFiles.good(dir.resolve("square"), Glyph.SQUARE, 3, 2);
    BrokenFiles.broken(dir.resolve("square"), "notes", Kind.TEXT_AS_JPEG);
    return ClassFolders.load(dir);
  }

  private String id(String file) {
    return dir.resolve(file).toString();
  }

  @Test
  void filesThatDoNotDecodeAreLeftOutWithTheirReasonInTheDataSetsOrder() throws Exception {
    DataSet data = folder();
    assertEquals(10, data.size(), "every file with an image extension is a sample");
    CheckedData checked = ImageCheck.check(data, 3);

    assertEquals(10, checked.found());
    assertEquals(List.of(id("circle/good_0.png"), id("circle/good_1.jpg"),
            id("circle/good_2.png"), id("circle/good_3.jpg"), id("square/good_0.png"),
            id("square/good_1.jpg"), id("square/good_2.png")),
        checked.usable().samples().stream().map(Sample::id).toList());
    assertEquals(data.classNames(), checked.usable().classNames());
    assertEquals(List.of(0, 0, 0, 0, 1, 1, 1),
        checked.usable().samples().stream().map(Sample::classIndex).toList());

    List<SkippedSample> skipped = checked.skipped();
    assertEquals(List.of(id("circle/cut.jpg"), id("circle/zero.png"), id("square/notes.jpg")),
        skipped.stream().map(SkippedSample::id).toList());
    assertTrue(skipped.get(0).reason().startsWith(Kind.TRUNCATED_JPEG.reason()),
        skipped.get(0).reason());
    assertEquals(Kind.EMPTY.reason(), skipped.get(1).reason());
    assertEquals(Kind.TEXT_AS_JPEG.reason(), skipped.get(2).reason());
    assertEquals(List.of(0, 0, 1),
        skipped.stream().map(s -> s.sample().classIndex()).toList());
  }

  @Test
  void oneThreadOrManyGiveTheSameResult() throws Exception {
    DataSet data = folder();
    CheckedData one = ImageCheck.check(data, 1);
    CheckedData many = ImageCheck.check(data, 8);
    assertEquals(one.usable().samples(), many.usable().samples());
    assertEquals(one.skipped(), many.skipped());
  }

  @Test
  void anEmptyDataSetChecksToAnEmptyOne() {
    DataSet empty = new DataSet(DataSet.Kind.CLASSES, List.of("a"), List.of());
    CheckedData checked = ImageCheck.check(empty, 4);
    assertEquals(0, checked.found());
    assertTrue(checked.skipped().isEmpty());
  }

  @Test
  void aSourceThatFailsOtherwiseThanByDecodingIsAnError() {
    RgbImage pixel = new RgbImage(1, 1, new byte[3]);
    IllegalStateException bug = new IllegalStateException("a bug in the source");
    DataSet data = new DataSet(DataSet.Kind.CLASSES, List.of("a"), List.of(
        Sample.ofClass("fine", () -> pixel, 0),
        Sample.ofClass("buggy", () -> {
          throw bug;
        }, 0)));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> ImageCheck.check(data, 2));
    assertSame(bug, e.getCause());
  }

  @Test
  void uncheckedDataKeepEverySample() throws Exception {
    DataSet data = folder();
    CheckedData unchecked = CheckedData.unchecked(data);
    assertSame(data, unchecked.usable());
    assertEquals(10, unchecked.found());
  }
}
