package dev.sommelier.spark.bench;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.core.Device;
import dev.sommelier.core.layers.BatchNormMode;
import dev.sommelier.heads.HeadSpec;
import dev.sommelier.heads.Pooling;
import dev.sommelier.spark.FeatureOptions;
import dev.sommelier.spark.ImageListing;
import dev.sommelier.spark.PredictOptions;
import dev.sommelier.spark.SparkFeatures;
import dev.sommelier.spark.SparkPredict;
import dev.sommelier.tasks.data.DataSet;
import dev.sommelier.tasks.data.source.DataSource;
import dev.sommelier.tasks.data.synthetic.FileFormat;
import dev.sommelier.tasks.data.synthetic.Layout;
import dev.sommelier.tasks.data.synthetic.ShapeImages;
import dev.sommelier.tasks.jobs.Pipelines;
import dev.sommelier.tasks.jobs.predict.PredictJob;
import dev.sommelier.tasks.jobs.predict.PredictSettings;
import dev.sommelier.tasks.model.ModelConfig;
import dev.sommelier.tasks.model.ModelStore;
import dev.sommelier.tasks.model.TaskModel;
import dev.sommelier.tasks.train.FeatureArrays;
import dev.sommelier.tasks.train.FeatureFolder;
import dev.sommelier.tasks.train.LabeledBatch;
import dev.sommelier.tasks.train.PipelineBatchSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Images per second of Spark {@code local[2]} against one machine on the same drawn images:
 * prediction ({@code sommelier predict}'s {@link PredictJob} vs {@link SparkPredict} written as
 * Parquet) and backbone features (the evaluation pipeline, {@link TaskModel#features} and a {@link
 * FeatureFolder} file, as head-only training computes and keeps them, vs {@link SparkFeatures}
 * written as Parquet); best of two alternating runs each; then the process's resident memory
 * across jobs of 1,000 one-image partitions each (predicted, then dropped by Spark's {@code noop}
 * sink, so that writing 1,000 Parquet files does not dominate). A program that prints numbers,
 * not a test: {@code spark/bench/throughput.sh [images] [work-dir] [features]} (with a third
 * argument: features only, also without writing them, then the memory).
 */
public final class SparkThroughput {

  private static final String BACKBONE = "mobilenet_v1:alpha=0.25";
  private static final int SIZE = 128;
  private static final int BATCH = 32;

  private SparkThroughput() {}

  /** {@code [images] [work-dir] [features]}. */
  public static void main(String[] args) throws Exception {
    int images = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    Path work = Path.of(args.length > 1 ? args[1] : "/tmp/sommelier-spark-bench");
    int classes = 5;
    Path data = work.resolve("images-" + images);
    if (!Files.isDirectory(data)) {
      new ShapeImages(classes, images / classes, 64, FileFormat.PNG, Layout.CLASS_FOLDERS, 1)
          .writeTo(data);
    }
    Path model = work.resolve("model");
    ModelConfig config = new ModelConfig(BACKBONE, SIZE, HeadSpec.softmax(classes, Pooling.GAP,
        0f), new ShapeImages(classes, 1, 64, FileFormat.PNG, Layout.CLASS_FOLDERS, 1).classNames(),
        BatchNormMode.FROZEN, 1);
    try (TaskModel m = TaskModel.create(config, BackboneRegistry.load(), Device.CPU)) {
      ModelStore.save(m, model, Map.of());
    }
    SparkSession spark = SparkSession.builder().master("local[2]").appName("throughput")
        .config("spark.ui.enabled", "false").getOrCreate();
    // warm-up on a few images: loads the executor's model, compiles the hot paths of both
    List<Path> few;
    try (var files = Files.walk(data)) {
      few = files.filter(f -> f.toString().endsWith(".png")).sorted().limit(256).toList();
    }
    new PredictJob(new PredictSettings(model, few, BATCH, Device.CPU,
        work.resolve("warm-single"))).run();
    SparkPredict.predict(ImageListing.of(spark, few.stream().map(Path::toString).toList(), 2)
        .drop(ImageListing.FOLDER), PredictOptions.of(model.toString(), ImageListing.PATH))
        .write().mode("overwrite").parquet(work.resolve("warm-spark").toString());

    boolean all = args.length < 3;
    // best of two, alternating, so that other work on the machine hits both sides alike
    double single = Double.MAX_VALUE;
    double onSpark = Double.MAX_VALUE;
    for (int round = 0; round < 2 && all; round++) {
      long t = System.nanoTime();
      new PredictJob(new PredictSettings(model, List.of(data), BATCH, Device.CPU,
          work.resolve("single"))).run();
      single = Math.min(single, seconds(t));
      t = System.nanoTime();
      sparkPredict(spark, model, data, work.resolve("spark"), 8);
      onSpark = Math.min(onSpark, seconds(t));
    }
    if (all) {
      row("predict", images, single, onSpark);
    }

    single = Double.MAX_VALUE;
    onSpark = Double.MAX_VALUE;
    for (int round = 0; round < 2; round++) {
      long t = System.nanoTime();
      singleFeatures(model, data, Files.createTempDirectory(work, "feature-folder"));
      single = Math.min(single, seconds(t));
      t = System.nanoTime();
      Dataset<Row> files = ImageListing.of(spark, List.of(data.toString()), 8);
      SparkFeatures.write(SparkFeatures.table(SparkFeatures.extract(files,
          new FeatureOptions(model.toString(), ImageListing.PATH, BATCH)), ImageListing.PATH,
          ImageListing.FOLDER), work.resolve("features.parquet").toString());
      onSpark = Math.min(onSpark, seconds(t));
    }
    row("features", images, single, onSpark);
    if (!all) {
      // the same without writing: what Parquet's list encoding of the vectors costs
      onSpark = Double.MAX_VALUE;
      for (int round = 0; round < 2; round++) {
        long t = System.nanoTime();
        SparkFeatures.table(SparkFeatures.extract(ImageListing.of(spark,
            List.of(data.toString()), 8), new FeatureOptions(model.toString(),
            ImageListing.PATH, BATCH)), ImageListing.PATH, ImageListing.FOLDER).write()
            .format("noop").mode("overwrite").save();
        onSpark = Math.min(onSpark, seconds(t));
      }
      row("features, not written", images, single, onSpark);
    }

    List<String> thousand;
    try (var files = Files.walk(data)) {
      thousand = files.filter(f -> f.toString().endsWith(".png")).sorted().limit(1000)
          .map(Path::toString).toList();
    }
    System.gc();
    System.out.printf(Locale.ROOT, "RSS before: %d MiB (Java heap committed %d MiB)%n",
        rssKib() / 1024, Runtime.getRuntime().totalMemory() >> 20);
    for (int run = 1; run <= 3; run++) {
      SparkPredict.predict(ImageListing.of(spark, thousand, 1000).drop(ImageListing.FOLDER),
          PredictOptions.of(model.toString(), ImageListing.PATH)).write().format("noop")
          .mode("overwrite").save();
      System.gc();
      System.out.printf(Locale.ROOT, "RSS after %d jobs of 1000 one-image partitions: %d MiB"
          + " (Java heap committed %d MiB)%n", run, rssKib() / 1024,
          Runtime.getRuntime().totalMemory() >> 20);
    }
    spark.stop();
  }

  private static void sparkPredict(SparkSession spark, Path model, Path data, Path out,
      int partitions) {
    Dataset<Row> files = ImageListing.of(spark, List.of(data.toString()), partitions)
        .drop(ImageListing.FOLDER);
    SparkPredict.predict(files, PredictOptions.of(model.toString(), ImageListing.PATH)
        .withBatch(BATCH)).write().mode("overwrite").parquet(out.toString());
  }

  /**
   * What head-only training does to compute and keep features on one machine: the evaluation
   * pipeline, the backbone, and a {@link FeatureFolder} file.
   */
  private static void singleFeatures(Path model, Path data, Path store) throws Exception {
    DataSet set = DataSource.folder(data).load();
    try (TaskModel m = ModelStore.load(model, BackboneRegistry.load(), Device.CPU);
        var pipeline = Pipelines.evaluation(m, set.samples(), BATCH, 2)) {
      int[] order = new int[set.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      int per = m.featureSize();
      float[] all = new float[set.size() * per];
      float[] targets = new float[set.size()];
      int at = 0;
      for (LabeledBatch b : new PipelineBatchSource(pipeline, set.size(), m.config().output())
          .batches(order)) {
        System.arraycopy(m.features(b.inputs(), b.n()), 0, all, at * per, b.n() * per);
        at += b.n();
      }
      new FeatureFolder(store).computeIfAbsent("bench",
          () -> new FeatureArrays(all, targets, set.size()));
    }
  }

  private static void row(String what, int images, double single, double spark) {
    System.out.printf(Locale.ROOT, "%-9s  %d images: one machine %.1f img/s (%.1f s), Spark"
        + " local[2] %.1f img/s (%.1f s), Spark overhead %+.1f %%%n", what, images,
        images / single, single, images / spark, spark, 100 * (spark / single - 1));
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static long rssKib() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }
}
