package dev.sommelier.tasks.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The message of a job that could read none of its images. */
class NoImageReadExceptionTest {

  @Test
  void upToTenFilesAreListedEachWithItsReason() {
    NoImageReadException e = new NoImageReadException(List.of(
        new SkippedImage("a.png", "empty file"), new SkippedImage("b.jpg", "no such file")));
    assertEquals("none of the 2 input files could be read as an image, so nothing was done; give"
        + " jpg, jpeg, png, bmp or gif files that open in an image viewer:\n"
        + "  a.png: empty file\n"
        + "  b.jpg: no such file", e.getMessage());
  }

  @Test
  void moreFilesAreSummedUpByReasonMostCommonFirstWithAnExample() {
    List<SkippedImage> skipped = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      skipped.add(new SkippedImage(i + ".png", i % 4 == 0 ? "empty file" : "not an image"));
    }
    NoImageReadException e = new NoImageReadException(skipped);
    assertEquals(12, e.skipped().size());
    assertEquals("none of the 12 input files could be read as an image, so nothing was done; give"
        + " jpg, jpeg, png, bmp or gif files that open in an image viewer:\n"
        + "  9 x not an image (e.g. 1.png)\n"
        + "  3 x empty file (e.g. 0.png)", e.getMessage());
  }
}
