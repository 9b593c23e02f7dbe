package dev.sommelier.tasks.jobs;

import dev.sommelier.tasks.data.ImageDecodeException;
import dev.sommelier.tasks.data.ImageDecoder;
import dev.sommelier.tasks.data.RgbImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The input files of predict and explain, decoded a batch at a time: a file that does not decode
 * is skipped, logged at WARN and listed with its reason; each decoded image comes with its known
 * true class ({@link FolderTruth}). When none of the files decodes, reading fails with {@link
 * NoImageReadException}.
 */
public final class InputBatches {

  private static final Logger LOG = LoggerFactory.getLogger(InputBatches.class);

  /**
   * One decoded input.
   *
   * @param number the file's place among all the inputs, from 0 (skipped files count)
   * @param file the file
   * @param image the decoded image
   * @param trueClass the image's known class ({@link FolderTruth}); null when not known
   */
  public record InputImage(int number, Path file, RgbImage image, String trueClass) {}

  /** What a job does with each batch of decoded inputs. */
  @FunctionalInterface
  public interface BatchHandler {

    /** Handles one batch: at least one image, in the order of the files. */
    void handle(List<InputImage> batch) throws IOException;
  }

  private InputBatches() {}

  /**
   * Decodes {@code files} in batches of up to {@code batchSize} files and hands each batch's
   * decoded images (batches where every file was skipped are left out) to {@code handler}.
   *
   * @param classes the model's class names, for the known true classes (empty for a regressor)
   * @return the skipped files with their reasons, in the order of the files
   * @throws NoImageReadException when none of the files decodes
   * @throws IOException when {@code handler} throws it
   */
  public static List<SkippedImage> read(List<Path> files, List<String> classes, int batchSize,
      BatchHandler handler) throws IOException {
    List<SkippedImage> skipped = new ArrayList<>();
    for (int from = 0; from < files.size(); from += batchSize) {
      List<InputImage> batch = new ArrayList<>();
      for (int f = from; f < Math.min(files.size(), from + batchSize); f++) {
        Path file = files.get(f);
        try {
          batch.add(new InputImage(f, file, ImageDecoder.decode(file),
              FolderTruth.trueClass(file, classes)));
        } catch (ImageDecodeException e) {
          LOG.warn("skipping image {}: {}", file, e.reason());
          skipped.add(new SkippedImage(file.toString(), e.reason()));
        }
      }
      if (!batch.isEmpty()) {
        handler.handle(batch);
      }
    }
    if (skipped.size() == files.size()) {
      throw new NoImageReadException(skipped);
    }
    return skipped;
  }
}
