package dev.sommelier.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.tasks.data.ImageDecodeException;
import dev.sommelier.tasks.data.ImageTooLargeException;
import dev.sommelier.tasks.eval.ClassProbability;
import dev.sommelier.tasks.jobs.BrightnessModel;
import dev.sommelier.tasks.predict.Prediction;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facade's predictions against a model whose answers are known in closed form ({@link
 * BrightnessModel}: the {@code light} logit is {@code 10 (r + g + b) - 15} against 0 for {@code
 * dark}, pixels in [0, 1]), from files, images in memory and uploaded bytes, serially and from
 * eight threads at once.
 */
class ImageModelTest {

  @TempDir static Path tmp;
  private static ImageModel model;

  @BeforeAll
  static void load() {
    model = Sommelier.load(BrightnessModel.save(tmp.resolve("model")));
  }

  @AfterAll
  static void close() {
    model.close();
  }

  /** P(light) of a uniform grey image of {@code level}, computed by hand. */
  private static double lightProbability(int level) {
    double logit = 10.0 * 3 * level / 255.0 - 15;
    return 1 / (1 + Math.exp(-logit));
  }

  private static BufferedImage grey(int level, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, level << 16 | level << 8 | level);
      }
    }
    return image;
  }

  private static byte[] png(BufferedImage image) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private static double light(Prediction p) {
    return p.classes().stream().filter(c -> c.name().equals("light")).findFirst().orElseThrow()
        .probability();
  }

  @Test
  void filesImagesAndBytesGiveTheClosedFormProbabilities() throws Exception {
    assertEquals(BrightnessModel.CLASSES, model.classes());
    assertTrue(model.classifies());
    for (int level : new int[] {100, 125, 128, 140}) {
      Path file = BrightnessModel.greyImage(tmp.resolve("grey-" + level + ".png"), level);
      double want = lightProbability(level);
      Prediction fromFile = model.predict(file);
      Prediction fromImage = model.predict(grey(level, 33, 21));
      Prediction fromBytes = model.predict(png(grey(level, 17, 40)));
      assertEquals(want, light(fromFile), 1e-5, "file, grey " + level);
      assertEquals(want, light(fromImage), 1e-5, "image, grey " + level);
      assertEquals(want, light(fromBytes), 1e-5, "bytes, grey " + level);
      assertEquals(level > 127 ? "light" : "dark", fromBytes.top().name());
      assertEquals(file.toString(), fromFile.id());
      assertEquals(ImageModel.IMAGE, fromImage.id());
      assertEquals(ImageModel.UPLOAD, fromBytes.id());
    }
  }

  @Test
  void bytesThatAreNoImageOrTooLargeAreRefusedWithTheReason() throws Exception {
    ImageDecodeException text = assertThrows(ImageDecodeException.class,
        () -> model.predict("not an image".getBytes(StandardCharsets.UTF_8)));
    assertEquals(ImageModel.UPLOAD, text.source());
    assertThrows(ImageDecodeException.class, () -> model.explain(new byte[0]));

    try (ImageModel small = Sommelier.load(tmp.resolve("model"),
        LoadOptions.DEFAULT.withMaxPixels(40 * 30 - 1))) {
      byte[] upload = png(grey(200, 40, 30));
      ImageTooLargeException e =
          assertThrows(ImageTooLargeException.class, () -> small.predict(upload));
      assertEquals(40, e.width());
      assertEquals(30, e.height());
      Path file = tmp.resolve("big.png");
      java.nio.file.Files.write(file, upload);
      assertThrows(ImageTooLargeException.class, () -> small.predict(file));
      assertEquals("light", small.predict(png(grey(200, 39, 30))).top().name());
    }
  }

  @Test
  void eightThreadsGetTheAnswersOfSerialCallsBitForBit() throws Exception {
    int images = 40;
    List<byte[]> uploads = new ArrayList<>();
    List<float[]> serial = new ArrayList<>();
    for (int i = 0; i < images; i++) {
      uploads.add(png(grey(90 + 2 * i, 16 + i, 16)));
      serial.add(probabilities(model.predict(uploads.get(i))));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<float[]>> answers = new ArrayList<>();
      for (int round = 0; round < 10; round++) {
        for (int i = 0; i < images; i++) {
          byte[] upload = uploads.get(i);
          answers.add(pool.submit(() -> probabilities(model.predict(upload))));
        }
      }
      for (int k = 0; k < answers.size(); k++) {
        assertArrayEquals(serial.get(k % images), answers.get(k).get(), "request " + k);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static float[] probabilities(Prediction p) {
    float[] out = new float[p.classes().size()];
    for (ClassProbability c : p.classes()) {
      out[c.index()] = c.probability();
    }
    return out;
  }
}
