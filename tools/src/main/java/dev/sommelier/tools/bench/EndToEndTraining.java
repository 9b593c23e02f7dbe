package dev.sommelier.tools.bench;

import dev.sommelier.core.Precision;
import dev.sommelier.heads.Pooling;
import dev.sommelier.tasks.data.source.DataSource;
import dev.sommelier.tasks.data.split.SplitRatios;
import dev.sommelier.tasks.data.synthetic.FileFormat;
import dev.sommelier.tasks.data.synthetic.LogoImages;
import dev.sommelier.tasks.jobs.train.HeadOptions;
import dev.sommelier.tasks.jobs.train.TrainJob;
import dev.sommelier.tasks.jobs.train.TrainResult;
import dev.sommelier.tasks.jobs.train.TrainSettings;
import dev.sommelier.tasks.train.EpochResult;
import dev.sommelier.tasks.train.TrainScope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What {@code sommelier train} reaches from image files: drawn logo JPEGs written to a temporary
 * folder, decoded, resized and batched by the training pipeline on its worker threads while every
 * layer trains. Two epochs run and the second one's images/s counts (the first pays for graph
 * optimisation). The folder and the runs are deleted afterwards.
 */
final class EndToEndTraining implements AutoCloseable {

  private static final int CLASSES = 4;

  private final Path dir;
  private final Path data;
  private final BenchSettings settings;

  private EndToEndTraining(Path dir, BenchSettings settings) {
    this.dir = dir;
    this.data = dir.resolve("images");
    this.settings = settings;
  }

  /** Writes {@code settings.endToEndImages()} drawn images of the bench's input size. */
  static EndToEndTraining prepare(BenchSettings settings) {
    try {
      EndToEndTraining e =
          new EndToEndTraining(Files.createTempDirectory("sommelier-bench-"), settings);
      int perClass = Math.max(1, settings.endToEndImages() / CLASSES);
      new LogoImages(CLASSES, perClass, settings.inputSize(), FileFormat.JPEG, 42)
          .writeTo(e.data);
      return e;
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot write the end-to-end images", ex);
    }
  }

  /** Training images per second of {@code backbone} in {@code precision}, from the files. */
  double imagesPerSecond(String backbone, Precision precision) {
    Path out = dir.resolve("run-" + backbone.replaceAll("[^A-Za-z0-9.]+", "-") + "-"
        + precision.key());
    TrainSettings s = TrainSettings.builder(DataSource.folder(data), out)
        .split(SplitRatios.parse("9:1")).backbone(backbone).inputSize(settings.inputSize())
        .head(new HeadOptions("softmax", 0f, List.of(), Pooling.GAP)).scope(TrainScope.ALL)
        .epochs(2).batchSize(settings.batch()).device(settings.device()).precision(precision)
        .build();
    try {
      TrainResult r = new TrainJob(s).run();
      List<EpochResult> epochs = r.epochs();
      return epochs.get(epochs.size() - 1).imagesPerSecond();
    } catch (IOException e) {
      throw new UncheckedIOException("end-to-end training in " + out + " failed", e);
    }
  }

  @Override
  public void close() {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
