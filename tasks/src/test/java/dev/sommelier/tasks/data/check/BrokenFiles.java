package dev.sommelier.tasks.data.check;

import dev.sommelier.tasks.data.TestImages;
import dev.sommelier.tasks.data.synthetic.Glyph;
import dev.sommelier.tasks.data.synthetic.ShapeImages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * Image files as a person's photo folder has them (tests only): good PNGs and JPEGs written with
 * ImageIO, and files with an image extension that do not decode: a JPEG cut in half, a text file
 * named {@code .jpg}, an empty file.
 */
public final class BrokenFiles {

  /** The kinds of broken file, with the start of the reason the decoder gives for each. */
  public enum Kind {
    /** The first half of a real JPEG: ImageIO warns of a premature end. */
    TRUNCATED_JPEG("jpg", "truncated"),
    /** Text saved under an image name. */
    TEXT_AS_JPEG("jpg", "not a recognised image format"),
    /** Zero bytes. */
    EMPTY("png", "empty file");

    private final String extension;
    private final String reason;

    Kind(String extension, String reason) {
      this.extension = extension;
      this.reason = reason;
    }

    /** How the decoder's reason for this kind starts. */
    public String reason() {
      return reason;
    }
  }

  private BrokenFiles() {}

  /**
   * Writes {@code n} good 32x32 images of {@code glyph} into {@code dir}, {@code good_0.png},
   * {@code good_1.jpg}, ... (PNG and JPEG in turn).
   */
  public static void good(Path dir, Glyph glyph, int n, long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < n; i++) {
      String format = i % 2 == 0 ? "png" : "jpg";
      TestImages.write(dir, "good_" + i + "." + format,
          TestImages.encode(ShapeImages.draw(glyph, 32, random), i % 2 == 0 ? "png" : "jpeg"));
    }
  }

  /** Writes a broken file of {@code kind} named {@code name} plus the kind's extension. */
  public static Path broken(Path dir, String name, Kind kind) {
    byte[] bytes = switch (kind) {
      case TRUNCATED_JPEG -> {
        byte[] jpeg = TestImages.encode(ShapeImages.draw(Glyph.STAR, 64, new Random(1)), "jpeg");
        yield Arrays.copyOf(jpeg, jpeg.length / 2);
      }
      case TEXT_AS_JPEG -> "holiday notes, not a photo\n".getBytes(StandardCharsets.UTF_8);
      case EMPTY -> new byte[0];
    };
    return TestImages.write(dir, name + "." + kind.extension, bytes);
  }
}
