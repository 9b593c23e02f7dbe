package dev.sommelier.tasks.data.pipeline;

import dev.sommelier.backbones.Preprocessing;
import dev.sommelier.tasks.data.DataSet;
import dev.sommelier.tasks.data.augment.AugmentationConfig;
import dev.sommelier.tasks.data.source.ClassFolders;
import dev.sommelier.tasks.data.synthetic.FileFormat;
import dev.sommelier.tasks.data.synthetic.Layout;
import dev.sommelier.tasks.data.synthetic.ShapeImages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Measures how many images per second a {@link BatchPipeline} delivers to a consumer that does
 * nothing else: one untimed pass to warm up, then timed passes. A program (a benchmark) calls it
 * and prints the result; it is not a unit test.
 */
public final class PipelineThroughput {

  private PipelineThroughput() {}

  /**
   * What was measured.
   *
   * @param images images delivered in the timed passes
   * @param seconds wall time of the timed passes
   * @param workers worker threads
   * @param height output rows
   * @param width output columns
   * @param augmentation the augmentation applied
   */
  public record Result(int images, double seconds, int workers, int height, int width,
      AugmentationConfig augmentation) {

    /** Images per second. */
    public double imagesPerSecond() {
      return images / seconds;
    }

    /** One line: rate, images, time, threads, size. */
    public String summary() {
      return String.format(Locale.ROOT, "%.1f images/s (%d images in %.2f s, %d workers, %dx%d)",
          imagesPerSecond(), images, seconds, workers, height, width);
    }
  }

  /** Settings of a measurement: data, sizes, threads and augmentation. */
  public record Settings(int batchSize, int height, int width, int workers, int passes,
      AugmentationConfig augmentation) {

    /** The reference measurement: 224x224, 2 workers, all augmentations at p = 0.5, 3 passes. */
    public static Settings reference() {
      return new Settings(32, 224, 224, 2, 3, AugmentationConfig.all(0.5));
    }
  }

  /** Runs {@code settings} over {@code data}, with ResNet50's (caffe) preprocessing. */
  public static Result measure(DataSet data, Settings settings) {
    try (BatchPipeline pipeline = BatchPipeline.builder(data.samples(), settings.batchSize(),
            settings.height(), settings.width())
        .workers(settings.workers()).augmentation(settings.augmentation())
        .preprocessing(Preprocessing.CAFFE).seed(1).build()) {
      drain(pipeline.epoch(0));
      long start = System.nanoTime();
      int images = 0;
      for (int pass = 1; pass <= settings.passes(); pass++) {
        images += drain(pipeline.epoch(pass));
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Result(images, seconds, settings.workers(), settings.height(), settings.width(),
          settings.augmentation());
    }
  }

  /**
   * Writes {@code images} 64x64 shape PNGs (4 classes) under {@code scratch} and measures {@code
   * settings} over them.
   */
  public static Result measureOnShapes(Path scratch, int images, Settings settings)
      throws IOException {
    int perClass = Math.max(1, images / 4);
    new ShapeImages(4, perClass, 64, FileFormat.PNG, Layout.CLASS_FOLDERS, 5).writeTo(scratch);
    return measure(ClassFolders.load(scratch), settings);
  }

  private static int drain(EpochBatches batches) {
    int n = 0;
    try (batches) {
      while (batches.hasNext()) {
        n += batches.next().size();
      }
    }
    return n;
  }
}
