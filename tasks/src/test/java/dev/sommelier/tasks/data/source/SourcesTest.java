package dev.sommelier.tasks.data.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.tasks.data.DataSet;
import dev.sommelier.tasks.data.RgbImage;
import dev.sommelier.tasks.data.Sample;
import dev.sommelier.tasks.data.TestImages;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesTest {

  private static final byte[] PNG =
      TestImages.encode(TestImages.halves(BufferedImage.TYPE_3BYTE_BGR, 4, 2), "png");

  @TempDir Path dir;

  private Path file(String name) {
    return TestImages.write(dir, name, PNG);
  }

  private static List<String> fileNames(DataSet d) {
    return d.samples().stream().map(s -> Path.of(s.id()).getFileName().toString()).toList();
  }

  private static List<Integer> classes(DataSet d) {
    return d.samples().stream().map(Sample::classIndex).toList();
  }

  @Test
  void classFoldersInNaturalOrderPickOnlyImageFilesInAnyCase() throws Exception {
    file("root/cucumber_10/a.JPG");
    file("root/cucumber_2/b.png");
    file("root/cucumber_2/a10.Jpeg");
    file("root/cucumber_2/a9.gif");
    file("root/cucumber_2/notes.txt");
    file("root/cucumber_2/.hidden.png");
    file("root/cucumber_2/deeper/c.png");
    file("root/10/d.bmp");
    file("root/2/e.png");
    Files.createDirectories(dir.resolve("root/.git"));
    DataSet d = ClassFolders.load(dir.resolve("root"));
    assertEquals(DataSet.Kind.CLASSES, d.kind());
    assertEquals(List.of("2", "10", "cucumber_2", "cucumber_10"), d.classNames());
    assertEquals(List.of("e.png", "d.bmp", "a9.gif", "a10.Jpeg", "b.png", "a.JPG"), fileNames(d));
    assertEquals(List.of(0, 1, 2, 2, 2, 3), classes(d));
    RgbImage img = d.samples().get(0).image().load();
    assertEquals(4, img.width());
    assertThrows(IllegalArgumentException.class, () -> ClassFolders.load(dir.resolve("nope")));
  }

  @Test
  void fileNameLabelsAreOneBased() throws Exception {
    file("flat/3_0042.jpg");
    file("flat/1_0001.png");
    file("flat/1_0002.PNG");
    file("flat/readme.md");
    DataSet numbered = FileNameLabels.load(dir.resolve("flat"), Optional.empty());
    assertEquals(List.of("1", "2", "3"), numbered.classNames());
    assertEquals(List.of("1_0001.png", "1_0002.PNG", "3_0042.jpg"), fileNames(numbered));
    assertEquals(List.of(0, 0, 2), classes(numbered));

    Path names = Files.writeString(dir.resolve("names.txt"), "small\nmedium\n\nlarge\n",
        StandardCharsets.UTF_8);
    DataSet named = FileNameLabels.load(dir.resolve("flat"), Optional.of(names));
    assertEquals(List.of("small", "medium", "large"), named.classNames());
    assertEquals(List.of(0, 0, 2), classes(named));
  }

  @Test
  void fileNameLabelErrorsNameTheFile() throws Exception {
    file("bad/1_0001.png");
    file("bad/cat.png");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FileNameLabels.load(dir.resolve("bad"), Optional.empty()));
    assertTrue(e.getMessage().contains("cat.png"), e.getMessage());

    file("zero/0_0001.png");
    e = assertThrows(IllegalArgumentException.class,
        () -> FileNameLabels.load(dir.resolve("zero"), Optional.empty()));
    assertTrue(e.getMessage().contains("class 0"), e.getMessage());

    file("over/4_0001.png");
    Path names = Files.writeString(dir.resolve("two.txt"), "a\nb\n", StandardCharsets.UTF_8);
    e = assertThrows(IllegalArgumentException.class,
        () -> FileNameLabels.load(dir.resolve("over"), Optional.of(names)));
    assertTrue(e.getMessage().contains("4_0001.png"), e.getMessage());
  }

  @Test
  void csvOfClassesWithHeaderAndQuotedPaths() throws Exception {
    file("imgs/a.png");
    file("imgs/b, with comma.png");
    file("imgs/c.png");
    Path csv = Files.writeString(dir.resolve("labels.csv"),
        "path,label\nimgs/a.png,cucumber_10\n\"imgs/b, with comma.png\",cucumber_2\n"
            + "imgs/c.png , cucumber_2\n",
        StandardCharsets.UTF_8);
    DataSet d = CsvLabels.classes(csv);
    assertEquals(List.of("cucumber_2", "cucumber_10"), d.classNames());
    assertEquals(List.of("a.png", "b, with comma.png", "c.png"), fileNames(d));
    assertEquals(List.of(1, 0, 0), classes(d));
  }

  @Test
  void csvOfValuesWithAndWithoutHeader() throws Exception {
    file("v/a.png");
    file("v/b.png");
    Path headed = Files.writeString(dir.resolve("v/values.csv"),
        "\uFEFFfile,rank\na.png,3\nb.png,1.5\n"); // with the byte-order mark Excel writes
    Path bare = Files.writeString(dir.resolve("v/bare.csv"), "a.png,3\nb.png,1.5\n");
    for (Path csv : List.of(headed, bare)) {
      DataSet d = CsvLabels.values(csv);
      assertEquals(DataSet.Kind.VALUES, d.kind());
      assertEquals(List.of(3f, 1.5f), d.samples().stream().map(Sample::value).toList());
      assertTrue(d.samples().get(0).image().load().width() == 4);
    }
    Path bad = Files.writeString(dir.resolve("v/bad.csv"), "a.png,3\nb.png,tall\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CsvLabels.values(bad));
    assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("tall"), e.getMessage());
  }

  @Test
  void missingFilesInACsvAreListed() throws Exception {
    file("m/present.png");
    StringBuilder rows = new StringBuilder("present.png,x\n");
    for (int i = 0; i < 8; i++) {
      rows.append("gone").append(i).append(".png,x\n");
    }
    Path csv = Files.writeString(dir.resolve("m/labels.csv"), rows.toString());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CsvLabels.classes(csv));
    assertTrue(e.getMessage().startsWith("8 file(s)"), e.getMessage());
    assertTrue(e.getMessage().contains("gone0.png, gone1.png, gone2.png, gone3.png, gone4.png, ..."),
        e.getMessage());
  }

  @Test
  void cifarRecordsAsClassesAndAsValues() throws Exception {
    byte[] data = new byte[3 * CifarBinary.RECORD_BYTES];
    for (int r = 0; r < 3; r++) {
      int o = r * CifarBinary.RECORD_BYTES;
      data[o] = (byte) (r == 1 ? 7 : 2);
      data[o + 1] = (byte) (10 + r); // R of pixel 0
      data[o + 1 + 1024] = (byte) (20 + r); // G of pixel 0
      data[o + 1 + 2048 + 1023] = (byte) 250; // B of the last pixel
    }
    Path bin = Files.write(dir.resolve("data_batch_1.bin"), data);
    DataSet classes = CifarBinary.classes(List.of(bin), List.of());
    assertEquals(10, classes.classNames().size());
    assertEquals(List.of(2, 7, 2), classes(classes));
    assertEquals(bin + "#1", classes.samples().get(1).id());
    RgbImage img = classes.samples().get(1).image().load();
    assertEquals(32, img.width());
    assertEquals(11, img.get(0, 0, 0));
    assertEquals(21, img.get(0, 0, 1));
    assertEquals(0, img.get(0, 0, 2));
    assertEquals(250, img.get(31, 31, 2));

    DataSet values = CifarBinary.values(List.of(bin));
    assertEquals(List.of(2f, 7f, 2f), values.samples().stream().map(Sample::value).toList());

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CifarBinary.classes(List.of(bin), List.of("a", "b", "c")));
    assertTrue(e.getMessage().contains("#1") && e.getMessage().contains("label 7"), e.getMessage());
    Path cut = Files.write(dir.resolve("cut.bin"), java.util.Arrays.copyOf(data, 5000));
    assertThrows(IllegalArgumentException.class, () -> CifarBinary.values(List.of(cut)));
  }

  @Test
  void givenFoldersNeedTheSameClasses() throws Exception {
    for (String part : List.of("train", "val", "test")) {
      file("split/" + part + "/cat/1.png");
      file("split/" + part + "/dog/1.png");
    }
    file("split/train/dog/2.png");
    var splits = GivenFolders.load(dir.resolve("split"));
    assertEquals(3, splits.train().size());
    assertEquals(2, splits.validation().size());
    assertEquals(2, splits.test().size());
    assertEquals(List.of("cat", "dog"), splits.test().classNames());

    file("split/test/fox/1.png");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GivenFolders.load(dir.resolve("split")));
    assertTrue(e.getMessage().contains("only in test: [fox]"), e.getMessage());

    file("nosplit/x/1.png");
    assertThrows(IllegalArgumentException.class, () -> GivenFolders.load(dir.resolve("nosplit")));
  }
}
