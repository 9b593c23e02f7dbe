package dev.sommelier.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.tasks.data.synthetic.FileFormat;
import dev.sommelier.tasks.data.synthetic.Layout;
import dev.sommelier.tasks.data.synthetic.ShapeImages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train} and {@code evaluate} on a folder with broken files say what they used: files found,
 * images used, files left out and where they are listed, per class and per part, and evaluate the
 * whole part.
 */
class UnreadableFilesCommandTest {

  @TempDir Path tmp;

  @Test
  void trainAndEvaluatePrintTheImagesUsedAndTheFilesLeftOutPerClassAndPart() throws Exception {
    Path photos = tmp.resolve("photos");
    new ShapeImages(2, 10, 32, FileFormat.PNG, Layout.CLASS_FOLDERS, 2).writeTo(photos);
    Files.delete(photos.resolve("square/square_0008.png"));
    Files.delete(photos.resolve("square/square_0009.png"));
    byte[] png = Files.readAllBytes(photos.resolve("circle/circle_0000.png"));
    Files.write(photos.resolve("circle/cut.png"), Arrays.copyOf(png, png.length / 2));
    Files.writeString(photos.resolve("circle/notes.jpg"), "not a photo", StandardCharsets.UTF_8);
    Files.write(photos.resolve("square/empty.jpeg"), new byte[0]);
    Path run = tmp.resolve("run");

    CliRun train = CliRun.of("train", "--folder", photos.toString(), "--split", "6:2:2",
        "--seed", "3", "--backbone", "pixels", "--input-size", "16", "--head", "mlp", "--hidden",
        "8", "--scope", "all", "--epochs", "1", "--batch", "8", "--workers", "2", "--out",
        run.toString());
    assertEquals(0, train.exit(), train.err());
    Path list = run.resolve("skipped-files.csv");
    // 10 and 8 images split 6:2:2 by largest remainders: 6, 2, 2 and 4.8, 1.6, 1.6 -> 5, 2, 1
    List<String> expected = List.of(
        "Data: 21 files, 18 images used, 3 left out as unreadable (listed in " + list + ")",
        "class   files  left out  used  train  validation  test",
        "circle     12         2    10      6           2     2",
        "square      9         1     8      5           2     1");
    assertTrue(train.out().startsWith(String.join(System.lineSeparator(), expected)),
        train.out());
    assertTrue(train.out().contains("Test (3 images): accuracy "), train.out());
    assertEquals(4, Files.readAllLines(list).size(), "a header and 3 files");

    CliRun evaluate = CliRun.of("evaluate", "--model", run.resolve("model").toString(),
        "--folder", photos.toString(), "--part", "test", "--workers", "2", "--out",
        tmp.resolve("eval").toString());
    assertEquals(0, evaluate.exit(), evaluate.err());
    assertTrue(evaluate.out().contains(expected.get(2)), evaluate.out());
    assertTrue(evaluate.out().contains("Test (3 images): accuracy "), evaluate.out());
    assertEquals(4, Files.readAllLines(tmp.resolve("eval/skipped-files.csv")).size());
  }
}
