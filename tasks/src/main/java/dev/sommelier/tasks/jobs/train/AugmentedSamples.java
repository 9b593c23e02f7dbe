package dev.sommelier.tasks.jobs.train;

import dev.sommelier.core.AtomicFiles;
import dev.sommelier.tasks.data.ImageResizer;
import dev.sommelier.tasks.data.Sample;
import dev.sommelier.tasks.data.pipeline.BatchPipeline;
import dev.sommelier.tasks.explain.render.ContactSheet;
import dev.sommelier.tasks.explain.render.Overlay;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A picture of what augmentation does to the training images, {@code OUT/augmented-samples.png}: a
 * row for each of a few training images spread over the train part, the image as loaded and then
 * as the first {@value #PASSES} epochs feed it to the model, drawn by the training pipeline's own
 * seeded augmentation ({@link BatchPipeline#augmentedViews}), so it shows exactly what was trained
 * on.
 */
public final class AugmentedSamples {

  /** The picture's file name in a run folder. */
  public static final String FILE = "augmented-samples.png";
  /** Images shown, one a row. */
  static final int ROWS = 4;
  /** Augmented versions of each, one per epoch from the first. */
  static final int PASSES = 4;

  private AugmentedSamples() {}

  /**
   * Draws the picture of {@code pipeline}, whose samples are {@code samples}, and writes it to
   * {@code file} atomically; writes nothing when no image of the rows can be decoded.
   *
   * @return whether the picture was written
   */
  static boolean write(BatchPipeline pipeline, List<Sample> samples, Path file)
      throws IOException {
    List<ContactSheet.Row> rows = rows(pipeline, samples);
    if (rows.isEmpty()) {
      return false;
    }
    AtomicFiles.writePng(file, ContactSheet.draw(rows));
    return true;
  }

  /**
   * The rows: for row {@code r} of {@link #ROWS}, the first image that decodes from the {@code
   * r}-th equal stretch of the samples.
   */
  static List<ContactSheet.Row> rows(BatchPipeline pipeline, List<Sample> samples) {
    List<ContactSheet.Row> rows = new ArrayList<>();
    int n = samples.size();
    int count = Math.min(ROWS, n);
    for (int r = 0; r < count; r++) {
      for (int i = r * n / count; i < (r + 1) * n / count; i++) {
        float[][] views = pipeline.augmentedViews(i, PASSES);
        if (views != null) {
          rows.add(row(pipeline, samples.get(i), views));
          break;
        }
      }
    }
    return rows;
  }

  private static ContactSheet.Row row(BatchPipeline pipeline, Sample sample, float[][] views) {
    List<BufferedImage> augmented = new ArrayList<>();
    for (int e = 1; e < views.length; e++) {
      augmented.add(picture(pipeline, views[e]));
    }
    return new ContactSheet.Row(picture(pipeline, views[0]), augmented, List.of(sample.id(),
        "as loaded, then epochs 1 to " + PASSES));
  }

  private static BufferedImage picture(BatchPipeline pipeline, float[] pixels) {
    return Overlay.of(ImageResizer.toBytes(pixels, pipeline.height(), pipeline.width()));
  }
}
