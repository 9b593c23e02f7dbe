package dev.sommelier.tools.demo;

import dev.sommelier.tasks.data.source.DataSource;
import dev.sommelier.tasks.data.synthetic.FileFormat;
import dev.sommelier.tasks.data.synthetic.GeneratedImage;
import dev.sommelier.tasks.data.synthetic.LogoImages;
import dev.sommelier.tasks.data.synthetic.LogoStyle;
import dev.sommelier.tasks.data.synthetic.RankImages;
import dev.sommelier.tasks.explain.pointing.ObjectBoxes;
import dev.sommelier.tasks.model.TaskKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's built-in data: for classification, seven "makers" each known by a small logo (about a
 * seventh of the side) drawn at a random place on a machine-like body among distractor marks
 * ({@link LogoImages} in {@link LogoStyle#CLUTTERED}); for regression, cucumbers graded by
 * rank 1 to 5 by their length ({@link RankImages}). Besides the training set, a few fresh images
 * (another seed, never trained on) are written to be explained; for logos their boxes are kept, so
 * that the demo can say how often the heat map's peak falls on the logo.
 *
 * @param source the training data set
 * @param fresh images to explain, in order
 * @param logoBoxes the logo's box of each fresh image, as written to its {@code boxes.csv} (none
 *     for regression)
 */
record DemoData(DataSource source, List<Path> fresh, ObjectBoxes logoBoxes) {

  /** Makers in the classification demo. */
  static final int MAKERS = 7;
  /** Ranks in the regression demo. */
  static final int RANKS = 5;
  /** Fresh images per class (or rank) to explain. */
  static final int FRESH_PER_CLASS = 2;

  /** Writes the data of {@code task} under {@code dir}/train and {@code dir}/fresh. */
  static DemoData write(TaskKind task, int perClass, int size, long seed, Path dir)
      throws IOException {
    Path train = dir.resolve("train");
    Path fresh = dir.resolve("fresh");
    if (task == TaskKind.CLASSIFICATION) {
      new LogoImages(MAKERS, perClass, size, FileFormat.PNG, seed, LogoStyle.CLUTTERED)
          .writeTo(train);
      List<Path> files = new ArrayList<>();
      for (LogoImages.LogoImage l : new LogoImages(MAKERS, FRESH_PER_CLASS, size, FileFormat.PNG,
          seed + 1, LogoStyle.CLUTTERED).writeTo(fresh)) {
        files.add(l.image().file());
      }
      return new DemoData(DataSource.folder(train), files,
          ObjectBoxes.read(fresh.resolve(LogoImages.BOXES_CSV)));
    }
    new RankImages(RANKS, perClass, size, FileFormat.PNG, seed).writeTo(train);
    List<Path> files = new RankImages(RANKS, FRESH_PER_CLASS, size, FileFormat.PNG, seed + 1)
        .writeTo(fresh).stream().map(GeneratedImage::file).toList();
    return new DemoData(DataSource.csvValues(train.resolve(RankImages.VALUES_CSV)), files,
        ObjectBoxes.none());
  }
}
