package dev.sommelier.tasks.explain.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.core.AtomicFiles;
import dev.sommelier.tasks.data.RgbImage;
import dev.sommelier.tasks.explain.CamMap;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JET colours, the overlay, the raw map files and the contact sheet. */
class RenderTest {

  @TempDir Path tmp;

  @Test
  void jetRunsFromDarkBlueThroughGreenToDarkRed() {
    assertEquals(0x000080, Jet.rgb(0f));
    assertEquals(0x800000, Jet.rgb(1f));
    assertEquals(0x80FF80, Jet.rgb(0.5f));
    assertEquals(0x0080FF, Jet.rgb(0.25f));
    assertEquals(Jet.rgb(0f), Jet.rgb(-3f));
    assertEquals(Jet.rgb(1f), Jet.rgb(7f));
  }

  @Test
  void overlayKeepsTheOriginalSizeAndBlends() {
    RgbImage image = new RgbImage(5, 3, filled(5 * 3 * 3, (byte) 200));
    float[] heat = new float[15];
    heat[14] = 1f;
    BufferedImage o = Overlay.blend(image, heat, 0.5f);
    assertEquals(5, o.getWidth());
    assertEquals(3, o.getHeight());
    assertEquals(rgb(100, 100, 164), o.getRGB(0, 0) & 0xFFFFFF, "0.5*200 + 0.5*(0,0,128)");
    assertEquals(rgb(164, 100, 100), o.getRGB(4, 2) & 0xFFFFFF, "0.5*200 + 0.5*(128,0,0)");
    assertThrows(IllegalArgumentException.class, () -> Overlay.blend(image, new float[4], 0.5f));
  }

  @Test
  void rawMapFilesGiveTheValuesBack() throws Exception {
    SplittableRandom r = new SplittableRandom(7);
    float[] v = new float[6 * 4];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) r.nextDouble();
    }
    v[0] = 0f;
    v[1] = 1f;
    CamMap map = new CamMap(4, 6, v, "class 'a'", 2f);
    Path png = tmp.resolve("raw.png");
    RawMapFiles.writePng16(png, map);
    BufferedImage back = ImageIO.read(png.toFile());
    assertEquals(16, back.getColorModel().getPixelSize());
    assertEquals(6, back.getWidth());
    assertEquals(4, back.getHeight());
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 6; x++) {
        int s = back.getRaster().getSample(x, y, 0);
        assertEquals(v[y * 6 + x], s / 65535f, 0.5f / 65535 + 1e-7f, "pixel " + x + "," + y);
      }
    }
    Path csv = tmp.resolve("raw.csv");
    RawMapFiles.writeCsv(csv, map);
    List<String> lines = Files.readAllLines(csv);
    assertEquals(4, lines.size());
    String[] first = lines.get(0).split(",");
    assertEquals(6, first.length);
    assertEquals(v[2], Float.parseFloat(first[2]));
    Path npy = tmp.resolve("raw.npy");
    RawMapFiles.writeNpy(npy, map);
    byte[] bytes = Files.readAllBytes(npy);
    assertEquals("\u0093NUMPY", new String(bytes, 0, 6, StandardCharsets.ISO_8859_1));
    assertEquals(1, bytes[6], "format version 1.0");
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int headerLength = in.getShort(8);
    assertEquals(0, (10 + headerLength) % 64, "data aligned to 64 bytes");
    String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
    assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (4, 6), }", header.strip());
    assertTrue(header.endsWith("\n"));
    assertEquals(10 + headerLength + 4 * 24, bytes.length);
    for (int i = 0; i < 24; i++) {
      assertEquals(v[i], in.getFloat(10 + headerLength + 4 * i), "value " + i);
    }
    assertEquals(List.of("raw.csv", "raw.npy", "raw.png"), names(tmp), "no temporary files left");
  }

  @Test
  void contactSheetHasARowPerImage() throws Exception {
    BufferedImage a = Overlay.of(new RgbImage(40, 20, filled(40 * 20 * 3, (byte) 90)));
    ContactSheet.Row row = new ContactSheet.Row(a, List.of(a), List.of("a.png", "cat 0.900"));
    BufferedImage sheet = ContactSheet.draw(List.of(row, row, row));
    assertEquals(8 + 3 * (ContactSheet.CELL + 8), sheet.getHeight());
    assertEquals(0x5A5A5A, sheet.getRGB(8 + 10, 8 + 10) & 0xFFFFFF, "the image, scaled");
    assertEquals(0xFFFFFF, sheet.getRGB(2, 2) & 0xFFFFFF, "white margin");
    Path file = tmp.resolve("sheet.png");
    AtomicFiles.writePng(file, sheet);
    assertEquals(sheet.getWidth(), ImageIO.read(file.toFile()).getWidth());
  }

  @Test
  void aFlaggedRowIsFramedInRedOnAPaleRedGround() {
    BufferedImage a = Overlay.of(new RgbImage(40, 20, filled(40 * 20 * 3, (byte) 90)));
    ContactSheet.Row plain = new ContactSheet.Row(a, List.of(a), List.of("a.png"));
    ContactSheet.Row wrong = new ContactSheet.Row(a, List.of(a), List.of("b.png", "WRONG"), true);
    BufferedImage sheet = ContactSheet.draw(List.of(plain, wrong));
    int second = 8 + ContactSheet.CELL + 8;
    assertEquals(0xFFFFFF, sheet.getRGB(5, 8 + 10) & 0xFFFFFF, "plain row: white margin");
    assertEquals(rgb(220, 20, 20), sheet.getRGB(5, second + 10) & 0xFFFFFF, "left frame");
    assertEquals(rgb(220, 20, 20), sheet.getRGB(60, second - 3) & 0xFFFFFF, "top frame");
    assertEquals(rgb(220, 20, 20), sheet.getRGB(sheet.getWidth() - 5, second + 10) & 0xFFFFFF,
        "right frame");
    assertEquals(rgb(255, 224, 224), sheet.getRGB(7, second + 10) & 0xFFFFFF, "pale ground");
    assertEquals(0x5A5A5A, sheet.getRGB(8 + 10, second + 10) & 0xFFFFFF, "the image on top");
    assertEquals(0xFFFFFF, sheet.getRGB(5, second - 8) & 0xFFFFFF, "the row above is not framed");
  }

  private static List<String> names(Path dir) throws Exception {
    try (var s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static byte[] filled(int n, byte value) {
    byte[] b = new byte[n];
    java.util.Arrays.fill(b, value);
    return b;
  }

  private static int rgb(int r, int g, int b) {
    return r << 16 | g << 8 | b;
  }
}
