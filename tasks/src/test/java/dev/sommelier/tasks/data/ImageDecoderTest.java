package dev.sommelier.tasks.data;

import static dev.sommelier.tasks.data.TestImages.LEFT;
import static dev.sommelier.tasks.data.TestImages.RIGHT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDecoderTest {

  /** An 8x4 lossless WebP, left half LEFT and right half RIGHT, made with libwebp. */
  private static final String LOSSLESS_WEBP = "UklGRiIAAABXRUJQVlA4TBYAAAAvB8AAAA9wLecr+B5Cf/6DB32I6H8A";

  @TempDir Path dir;

  private static RgbImage decode(byte[] bytes) throws ImageDecodeException {
    return ImageDecoder.decode(bytes, "test");
  }

  /** The two halves, sampled away from the edge between them, within {@code tolerance}. */
  private static void assertHalves(RgbImage img, int width, int height, int tolerance) {
    assertEquals(width, img.width());
    assertEquals(height, img.height());
    assertColour(LEFT, img, width / 4, height / 2, tolerance);
    assertColour(RIGHT, img, 3 * width / 4, height / 2, tolerance);
  }

  private static void assertColour(Color want, RgbImage img, int x, int y, int tolerance) {
    int[] got = {img.get(x, y, 0), img.get(x, y, 1), img.get(x, y, 2)};
    int[] exp = {want.getRed(), want.getGreen(), want.getBlue()};
    for (int c = 0; c < 3; c++) {
      assertTrue(Math.abs(got[c] - exp[c]) <= tolerance,
          "at " + x + "," + y + " want " + Arrays.toString(exp) + " got " + Arrays.toString(got));
    }
  }

  @Test
  void pngOfEightBitsIsExact() throws Exception {
    RgbImage img = decode(TestImages.encode(
        TestImages.halves(BufferedImage.TYPE_3BYTE_BGR, 10, 6), "png"));
    assertHalves(img, 10, 6, 0);
    assertEquals(LEFT.getRGB() & 0xFFFFFF, img.rgbAt(0, 0));
    assertEquals(RIGHT.getRGB() & 0xFFFFFF, img.rgbAt(9, 5));
  }

  @Test
  void pngWithAlphaDropsAlphaWithoutCompositing() throws Exception {
    BufferedImage argb = new BufferedImage(4, 2, BufferedImage.TYPE_INT_ARGB);
    argb.setRGB(0, 0, 0x32_0A_C8_1E); // alpha 50 over (10, 200, 30)
    argb.setRGB(1, 0, 0x00_FF_00_00); // fully transparent red
    argb.setRGB(3, 1, 0xFF_01_02_03);
    RgbImage img = decode(TestImages.encode(argb, "png"));
    assertEquals(0x0AC81E, img.rgbAt(0, 0));
    assertEquals(0xFF0000, img.rgbAt(1, 0));
    assertEquals(0x010203, img.rgbAt(3, 1));
  }

  @Test
  void sixteenBitGreyPngScalesToEightBits() throws Exception {
    BufferedImage grey = new BufferedImage(4, 1, BufferedImage.TYPE_USHORT_GRAY);
    WritableRaster r = grey.getRaster();
    r.setSample(0, 0, 0, 0);
    r.setSample(1, 0, 0, 0x8080);
    r.setSample(2, 0, 0, 1000);
    r.setSample(3, 0, 0, 65535);
    RgbImage img = decode(TestImages.encode(grey, "png"));
    assertEquals(0x000000, img.rgbAt(0, 0));
    assertEquals(0x808080, img.rgbAt(1, 0));
    assertEquals(0x040404, img.rgbAt(2, 0)); // 1000 * 255 / 65535 = 3.9
    assertEquals(0xFFFFFF, img.rgbAt(3, 0));
  }

  @Test
  void sixteenBitRgbPngKeepsTheHighByteRounded() throws Exception {
    RgbImage img = decode(TestImages.encode(TestImages.rgb16(3, 2, 0xABCD, 0x0101, 0xFF7F), "png"));
    assertEquals(0xAB01FF, img.rgbAt(2, 1));
  }

  @Test
  void greyPngIsCopiedToAllChannelsWithoutGamma() throws Exception {
    BufferedImage grey = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
    grey.getRaster().setSample(0, 0, 0, 77);
    grey.getRaster().setSample(1, 0, 0, 200);
    RgbImage img = decode(TestImages.encode(grey, "png"));
    assertEquals(0x4D4D4D, img.rgbAt(0, 0));
    assertEquals(0xC8C8C8, img.rgbAt(1, 0));
  }

  @Test
  void palettePngAndGifLookUpThePalette() throws Exception {
    // (ImageIO's GIF reader loses the last row of interlaced GIFs 3 or 4 rows high: keep 16)
    BufferedImage indexed = TestImages.palette(8, 16);
    assertHalves(decode(TestImages.encode(indexed, "png")), 8, 16, 0);
    RgbImage gif = decode(TestImages.encode(indexed, "gif"));
    assertHalves(gif, 8, 16, 0);
    assertEquals(RIGHT.getRGB() & 0xFFFFFF, gif.rgbAt(7, 15));
  }

  @Test
  void bmpIsExact() throws Exception {
    assertHalves(decode(TestImages.encode(
        TestImages.halves(BufferedImage.TYPE_3BYTE_BGR, 9, 5), "bmp")), 9, 5, 0);
  }

  @Test
  void baselineAndProgressiveJpegsDecode() throws Exception {
    BufferedImage image = TestImages.halves(BufferedImage.TYPE_3BYTE_BGR, 32, 16);
    assertHalves(decode(TestImages.jpeg(image, null, false)), 32, 16, 4);
    byte[] progressive = TestImages.jpeg(image, null, true);
    assertTrue(containsMarker(progressive, 0xC2), "SOF2 (progressive) marker present");
    assertHalves(decode(progressive), 32, 16, 8);
  }

  @Test
  void greyJpegIsCopiedToAllChannels() throws Exception {
    BufferedImage grey = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        grey.getRaster().setSample(x, y, 0, 120);
      }
    }
    RgbImage img = decode(TestImages.jpeg(grey, null, false));
    assertEquals(img.get(8, 8, 0), img.get(8, 8, 1));
    assertEquals(img.get(8, 8, 0), img.get(8, 8, 2));
    assertTrue(Math.abs(img.get(8, 8, 0) - 120) <= 1, "grey " + img.get(8, 8, 0));
  }

  @Test
  void cmykJpegsAreInvertedAdobeStyleLikePil() throws Exception {
    // Ink (C, M, Y, K) = (0, 255, 255, 0) is red; (200, 50, 0, 100) is (33, 125, 155).
    // Adobe CMYK stores 255 - ink, and PIL reads every CMYK JPEG that way.
    int[] red = {255, 0, 0, 255};
    int[] teal = {55, 205, 255, 155};
    for (int adobe : new int[] {-1, 0}) {
      RgbImage img = decode(TestImages.fourChannelJpeg(red, teal, adobe));
      assertColour(new Color(255, 0, 0), img, 8, 8, 3);
      assertColour(new Color(33, 125, 155), img, 24, 8, 3);
    }
  }

  @Test
  void ycckJpegIsConvertedFromYccThenInverted() throws Exception {
    // YCCK holds YCbCr of (ink C, ink M, ink Y) and the stored (inverted) black.
    int[] red = ycck(0, 255, 255, 0);
    int[] teal = ycck(200, 50, 0, 100);
    RgbImage img = decode(TestImages.fourChannelJpeg(red, teal, 2));
    assertColour(new Color(255, 0, 0), img, 8, 8, 3);
    assertColour(new Color(33, 125, 155), img, 24, 8, 3);
  }

  private static int[] ycck(int c, int m, int y, int k) {
    double lum = 0.299 * c + 0.587 * m + 0.114 * y;
    double cb = 128 - 0.168736 * c - 0.331264 * m + 0.5 * y;
    double cr = 128 + 0.5 * c - 0.418688 * m - 0.081312 * y;
    return new int[] {(int) Math.round(lum), (int) Math.round(cb), (int) Math.round(cr), 255 - k};
  }

  @Test
  void webpIsAClearErrorBecauseNoLibraryHereDecodesIt() {
    ImageDecodeException e = assertThrows(ImageDecodeException.class,
        () -> decode(Base64.getDecoder().decode(LOSSLESS_WEBP)));
    assertTrue(e.reason().contains("WebP"), e.reason());
  }

  @Test
  void ppmGoesThroughCommonsImaging() throws Exception {
    byte[] header = "P6\n2 1\n255\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] bytes = Arrays.copyOf(header, header.length + 6);
    byte[] px = {1, 2, 3, (byte) 250, (byte) 251, (byte) 252};
    System.arraycopy(px, 0, bytes, header.length, 6);
    RgbImage img = decode(bytes);
    assertEquals(0x010203, img.rgbAt(0, 0));
    assertEquals(0xFAFBFC, img.rgbAt(1, 0));
  }

  @Test
  void decodesFilesAndNamesTheMissingOne() throws Exception {
    Path png = TestImages.write(dir, "a.png",
        TestImages.encode(TestImages.halves(BufferedImage.TYPE_3BYTE_BGR, 6, 2), "png"));
    assertHalves(ImageDecoder.decode(png), 6, 2, 0);
    ImageDecodeException e = assertThrows(ImageDecodeException.class,
        () -> ImageDecoder.decode(dir.resolve("nope.jpg")));
    assertEquals("no such file", e.reason());
    assertTrue(e.getMessage().contains("nope.jpg"), e.getMessage());
  }

  @Test
  void emptyUnknownTruncatedAndCorruptFilesAreErrorsNamingTheFile() throws Exception {
    BufferedImage noisy = noisy(64, 48);
    byte[] jpeg = TestImages.jpeg(noisy, null, false);
    byte[] png = TestImages.encode(noisy, "png");
    byte[] gif = TestImages.encode(TestImages.palette(64, 48), "gif");
    byte[] bmp = TestImages.encode(noisy, "bmp");
    byte[] garbage = new byte[500];
    new Random(3).nextBytes(garbage);
    byte[] corruptJpeg = jpeg.clone();
    new Random(4).nextBytes(corruptJpeg); // keep a valid header, garble the rest
    System.arraycopy(jpeg, 0, corruptJpeg, 0, 200);

    assertReason("empty", TestImages.write(dir, "empty.png", new byte[0]));
    assertReason("not a recognised image format", TestImages.write(dir, "x.jpg", garbage));
    assertReason("", TestImages.write(dir, "t.jpg", Arrays.copyOf(jpeg, jpeg.length * 2 / 3)));
    assertReason("", TestImages.write(dir, "t.png", Arrays.copyOf(png, png.length * 2 / 3)));
    assertReason("", TestImages.write(dir, "t.gif", Arrays.copyOf(gif, gif.length / 2)));
    assertReason("", TestImages.write(dir, "t.bmp", Arrays.copyOf(bmp, bmp.length / 2)));
    assertReason("", TestImages.write(dir, "c.jpg", corruptJpeg));
    assertReason("", TestImages.write(dir, "header-only.png", Arrays.copyOf(png, 30)));
  }

  private static void assertReason(String part, Path file) {
    ImageDecodeException e = assertThrows(ImageDecodeException.class,
        () -> ImageDecoder.decode(file), file.toString());
    assertEquals(file.toString(), e.source());
    assertTrue(e.reason().contains(part), e.reason());
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
  }

  /** Random pixels: incompressible, so a cut file lacks most of the image. */
  static BufferedImage noisy(int w, int h) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    Random random = new Random(9);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.setRGB(x, y, random.nextInt(0x1000000));
      }
    }
    return image;
  }

  private static boolean containsMarker(byte[] jpeg, int marker) {
    for (int i = 0; i + 1 < jpeg.length; i++) {
      if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == marker) {
        return true;
      }
    }
    return false;
  }

  @Test
  void anImageOverThePixelLimitIsRefusedBeforeDecoding() throws Exception {
    byte[] png = TestImages.encode(new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY), "png");
    // IHDR width and height at bytes 16..23; the CRC no longer matches, which ImageIO ignores
    byte[] big = png.clone();
    big[16] = 0x00;
    big[17] = 0x01; // width 65536 + 1
    big[19] = 0x01;
    big[20] = 0x00;
    big[21] = 0x01; // height 65536 + 1
    big[23] = 0x01;
    ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> decode(big));
    assertTrue(e.reason().startsWith("too large"), e.reason());
    assertTrue(Files.exists(dir));
  }

  @Test
  void aLimitGivenRefusesAnUploadFromItsHeaderWithTheDeclaredSize() throws Exception {
    byte[] png = TestImages.encode(new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB), "png");
    ImageTooLargeException e = assertThrows(ImageTooLargeException.class,
        () -> ImageDecoder.decode(png, "upload", 59_999));
    assertEquals(300, e.width());
    assertEquals(200, e.height());
    assertEquals(59_999, e.maxPixels());
    assertEquals("upload: too large: 300x200 is over 59999 pixels", e.getMessage());
    assertEquals(300, ImageDecoder.decode(png, "upload", 60_000).width());
  }

  @Test
  void aPortablePixmapBombIsRefusedFromItsHeaderToo() {
    // 40,000 x 40,000 pixels declared (4.8 GB as RGB) in a file of 30 bytes
    byte[] bomb = "P6\n40000 40000\n255\n\0\0\0\0\0\0\0\0\0"
        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    ImageTooLargeException e = assertThrows(ImageTooLargeException.class,
        () -> ImageDecoder.decode(bomb, "bomb.ppm", 25_000_000));
    assertEquals(40_000, e.width());
    assertEquals(40_000, e.height());
  }
}
