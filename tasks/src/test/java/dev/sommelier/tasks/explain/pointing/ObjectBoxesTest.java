package dev.sommelier.tasks.explain.pointing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.tasks.data.synthetic.LogoImages;
import dev.sommelier.tasks.data.synthetic.LogoImages.LogoImage;
import java.awt.Rectangle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Boxes read from the drawn logos' own CSV and from x,y,width,height files; hits and rates. */
class ObjectBoxesTest {

  @TempDir Path tmp;

  @Test
  void theDrawnLogosBoxesReadBackImageByImage() throws Exception {
    List<LogoImage> logos = LogoImages.of(3, 4).writeTo(tmp);
    ObjectBoxes boxes = ObjectBoxes.read(tmp.resolve(LogoImages.BOXES_CSV));
    assertEquals(12, boxes.images());
    for (LogoImage l : logos) {
      assertEquals(List.of(l.box()), boxes.of(l.image().file()), l.image().file().toString());
      // the same file named another way
      Path roundabout = l.image().file().getParent().resolve("..")
          .resolve(l.image().className()).resolve(l.image().file().getFileName());
      assertEquals(List.of(l.box()), boxes.of(roundabout));
    }
    assertEquals(List.of(), boxes.of(tmp.resolve("circle/elsewhere.png")));
  }

  @Test
  void widthAndHeightBoxesSeveralPerImageWithTheirEdges() throws Exception {
    Path other = tmp.resolve("other/b.png");
    Files.writeString(tmp.resolve("boxes.csv"), """
        file,x,y,width,height
        a.png,10,20,5,4
        a.png,30,30,1,1
        %s,0,0,8,8
        """.formatted(other));
    ObjectBoxes boxes = ObjectBoxes.read(tmp.resolve("boxes.csv"));
    List<Rectangle> a = boxes.of(tmp.resolve("a.png"));
    assertEquals(List.of(new Rectangle(10, 20, 5, 4), new Rectangle(30, 30, 1, 1)), a);
    assertEquals(List.of(new Rectangle(0, 0, 8, 8)), boxes.of(other));
    assertTrue(PointingGame.hit(a, 10, 20));
    assertTrue(PointingGame.hit(a, 14, 23));
    assertFalse(PointingGame.hit(a, 15, 20)); // right edge is outside
    assertFalse(PointingGame.hit(a, 10, 24)); // bottom edge too
    assertTrue(PointingGame.hit(a, 30, 30));
    assertFalse(PointingGame.hit(a, 31, 30));
    assertFalse(PointingGame.hit(List.of(), 0, 0));
  }

  @Test
  void aBadFileIsNamedWithItsLine() throws Exception {
    Path csv = tmp.resolve("bad.csv");
    Files.writeString(csv, "path,x0,y0\na.png,1,2\n");
    String columns = assertThrows(IllegalArgumentException.class, () -> ObjectBoxes.read(csv))
        .getMessage();
    assertTrue(columns.contains(csv.toString()) && columns.contains("path,x0,y0,x1,y1"), columns);
    Files.writeString(csv, "path,x0,y0,x1,y1\na.png,1,2,3,4\nb.png,1,two,3,4\n");
    String number = assertThrows(IllegalArgumentException.class, () -> ObjectBoxes.read(csv))
        .getMessage();
    assertTrue(number.contains("line 3") && number.contains("y0 is 'two'"), number);
    Files.writeString(csv, "path,x0,y0,x1,y1\na.png,5,2,5,4\n");
    String empty = assertThrows(IllegalArgumentException.class, () -> ObjectBoxes.read(csv))
        .getMessage();
    assertTrue(empty.contains("line 2") && empty.contains("empty (0x2)"), empty);
  }

  @Test
  void theRateIsHitsOverImagesWithBoxes() {
    PointingGame game = PointingGame.of(3, 4);
    assertEquals(0.75, game.rate());
    assertEquals(1.0, PointingGame.of(5, 5).rate());
    assertEquals(0.0, PointingGame.of(0, 2).rate());
    assertThrows(IllegalArgumentException.class, () -> PointingGame.of(0, 0));
    assertThrows(IllegalArgumentException.class, () -> PointingGame.of(3, 2));
    assertThrows(IllegalArgumentException.class, () -> new PointingGame(1, 2, 0.6));
  }
}
