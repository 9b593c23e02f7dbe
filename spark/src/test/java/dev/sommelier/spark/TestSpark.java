package dev.sommelier.spark;

import dev.sommelier.tasks.data.source.DataSource;
import dev.sommelier.tasks.data.split.SplitRatios;
import dev.sommelier.tasks.data.synthetic.FileFormat;
import dev.sommelier.tasks.data.synthetic.Layout;
import dev.sommelier.tasks.data.synthetic.ShapeImages;
import dev.sommelier.tasks.jobs.train.TrainJob;
import dev.sommelier.tasks.jobs.train.TrainSettings;
import dev.sommelier.tasks.train.OptimizerKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What the module's tests share in their one JVM: one Spark session in {@code local[2]}, and one
 * small trained model (a simple_cnn on 32-pixel drawn shapes, 3 classes) with its images, made
 * once for all test classes.
 */
final class TestSpark {

  private static SparkSession spark;
  private static Path root;

  private TestSpark() {}

  /** The session, started on first use. */
  static synchronized SparkSession spark() {
    if (spark == null) {
      spark = SparkSession.builder().master("local[2]").appName("sommelier-spark-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "2")
          .getOrCreate();
    }
    return spark;
  }

  /** The drawn images, {@code shapes/<class>/<file>.png}. */
  static synchronized Path shapes() {
    return root().resolve("shapes");
  }

  /** The trained model's directory. */
  static synchronized Path model() {
    return root().resolve("run").resolve("model");
  }

  /** The image files under {@code shapes()}, sorted. */
  static List<Path> images() {
    try (Stream<Path> s = Files.walk(shapes())) {
      return s.filter(p -> p.toString().endsWith(".png")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A table with one {@code path} column of {@code files}, in {@code partitions} partitions. */
  static Dataset<Row> table(List<String> files, int partitions) {
    return spark().createDataset(files, Encoders.STRING()).toDF("path").repartition(partitions);
  }

  private static Path root() {
    if (root == null) {
      try {
        root = Files.createTempDirectory("sommelier-spark-test");
        new ShapeImages(3, 8, 32, FileFormat.PNG, Layout.CLASS_FOLDERS, 3)
            .writeTo(root.resolve("shapes"));
        new TrainJob(TrainSettings.builder(DataSource.folder(root.resolve("shapes")),
                root.resolve("run"))
            .split(SplitRatios.parse("6:2:2")).seed(7).backbone("simple_cnn").inputSize(32)
            .optimizer(OptimizerKind.ADAM).learningRate(0.01f).epochs(2).batchSize(8).workers(2)
            .build()).run();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return root;
  }
}
