package dev.sommelier.tasks.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.tasks.data.DataSet;
import dev.sommelier.tasks.data.ImageDecoder;
import dev.sommelier.tasks.data.RgbImage;
import dev.sommelier.tasks.data.Sample;
import dev.sommelier.tasks.data.source.ClassFolders;
import dev.sommelier.tasks.data.source.CsvLabels;
import dev.sommelier.tasks.data.source.FileNameLabels;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorsTest {

  @TempDir Path dir;

  @Test
  void shapesInClassFoldersLoadBackWithTheirClasses() throws Exception {
    ShapeImages spec = ShapeImages.of(7, 3).withSize(32).withSeed(8);
    List<GeneratedImage> written = spec.writeTo(dir.resolve("a"));
    assertEquals(21, written.size());
    DataSet d = ClassFolders.load(dir.resolve("a"));
    assertEquals(List.of("circle", "cross", "diamond", "ring", "square", "star", "triangle"),
        d.classNames());
    assertEquals(spec.classNames(), d.classNames());
    for (int i = 0; i < written.size(); i++) {
      assertEquals(written.get(i).file().toString(), d.samples().get(i).id());
      assertEquals(written.get(i).classIndex(), d.samples().get(i).classIndex());
    }
    RgbImage img = d.samples().get(0).image().load();
    assertEquals(32, img.width());
  }

  @Test
  void theSameSeedWritesTheSameBytes() throws Exception {
    ShapeImages spec = ShapeImages.of(2, 2).withFormat(FileFormat.JPEG).withSeed(3);
    List<GeneratedImage> a = spec.writeTo(dir.resolve("a"));
    List<GeneratedImage> b = spec.writeTo(dir.resolve("b"));
    List<GeneratedImage> c = spec.withSeed(4).writeTo(dir.resolve("c"));
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(Files.readAllBytes(a.get(i).file()), Files.readAllBytes(b.get(i).file()));
    }
    assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.get(0).file()),
        Files.readAllBytes(c.get(0).file())));
  }

  @Test
  void shapesWithFileNameLabelsAndAClassesFile() throws Exception {
    ShapeImages spec = ShapeImages.of(4, 2).withLayout(Layout.FILE_NAME_LABELS)
        .withFormat(FileFormat.JPEG);
    spec.writeTo(dir);
    DataSet d = FileNameLabels.load(dir, Optional.of(dir.resolve("classes.txt")));
    assertEquals(spec.classNames(), d.classNames());
    assertEquals(List.of(0, 0, 1, 1, 2, 2, 3, 3),
        d.samples().stream().map(Sample::classIndex).toList());
    assertTrue(Files.exists(dir.resolve("4_0001.jpg")));
  }

  @Test
  void ranksAreStrokesWhoseLengthGrowsAndLoadAsValues() throws Exception {
    List<GeneratedImage> written = RankImages.of(5, 2).writeTo(dir);
    assertEquals(10, written.size());
    DataSet d = CsvLabels.values(dir.resolve(RankImages.VALUES_CSV));
    assertEquals(List.of(1f, 1f, 2f, 2f, 3f, 3f, 4f, 4f, 5f, 5f),
        d.samples().stream().map(Sample::value).toList());
    DataSet asClasses = FileNameLabels.load(dir, Optional.empty());
    assertEquals(List.of("1", "2", "3", "4", "5"), asClasses.classNames());
    // with the same random stream the backgrounds are equal: the stroke is what differs
    int shortStroke = strokePixels(1);
    int longStroke = strokePixels(5);
    assertTrue(longStroke > 2 * shortStroke, shortStroke + " vs " + longStroke);
  }

  private static int strokePixels(int rank) {
    BufferedImage background = Canvas.noisyBackground(64, new Random(12));
    BufferedImage drawn = RankImages.draw(rank, 5, 64, new Random(12));
    int n = 0;
    for (int y = 0; y < 64; y++) {
      for (int x = 0; x < 64; x++) {
        n += background.getRGB(x, y) != drawn.getRGB(x, y) ? 1 : 0;
      }
    }
    return n;
  }

  @Test
  void logosAreSmallTheirBoxesRecordedAndTheyAreWhereTheBoxSays() throws Exception {
    LogoImages spec = LogoImages.of(3, 4).withSeed(21);
    List<LogoImages.LogoImage> written = spec.writeTo(dir);
    assertEquals(12, written.size());
    DataSet d = ClassFolders.load(dir);
    assertEquals(spec.classNames(), d.classNames());
    List<String> csv = Files.readAllLines(dir.resolve(LogoImages.BOXES_CSV));
    assertEquals(13, csv.size());
    assertEquals("path,class,x0,y0,x1,y1", csv.get(0));
    Rectangle b0 = written.get(0).box();
    assertEquals(String.format("circle/circle_0000.png,circle,%d,%d,%d,%d", b0.x, b0.y,
        b0.x + b0.width, b0.y + b0.height), csv.get(1));
    for (LogoImages.LogoImage l : written) {
      Rectangle b = l.box();
      assertTrue(b.width <= 18 && b.height <= 18 && b.width >= 9, b.toString());
      assertTrue(b.x >= 0 && b.y >= 0 && b.x + b.width <= 64 && b.y + b.height <= 64, b.toString());
      RgbImage img = ImageDecoder.decode(l.image().file());
      assertEquals(64, img.height());
    }
  }

  @Test
  void theLogoIsTheOnlyDifferenceBetweenClassesForOneRandomStream() {
    LogoImages.Drawn circle = LogoImages.draw(Glyph.CIRCLE, 64, new Random(30));
    LogoImages.Drawn star = LogoImages.draw(Glyph.STAR, 64, new Random(30));
    assertEquals(circle.box().getLocation().distance(star.box().getLocation()) < 3, true);
    Rectangle box = circle.box().union(star.box());
    int outside = 0;
    for (int y = 0; y < 64; y++) {
      for (int x = 0; x < 64; x++) {
        if (!box.contains(x, y) && circle.image().getRGB(x, y) != star.image().getRGB(x, y)) {
          outside++;
        }
      }
    }
    assertEquals(0, outside);
  }
}
