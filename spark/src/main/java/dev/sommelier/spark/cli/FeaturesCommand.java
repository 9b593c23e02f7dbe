package dev.sommelier.spark.cli;

import dev.sommelier.spark.FeatureOptions;
import dev.sommelier.spark.ImageListing;
import dev.sommelier.spark.SparkFeatures;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sommelier-spark features}: {@link SparkFeatures} of a class-folder data set, written as
 * Parquet for {@link dev.sommelier.spark.ParquetHeadTraining}.
 */
@Command(
    name = "features",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Computes the backbone features of a data set in class folders"
        + " (DIR/<class>/<image>, the layout train reads) on Spark, with the backbone and"
        + " weights of a model directory, and writes OUT/features.parquet: path, label (the"
        + " folder), features (the flattened feature map), backbone and weights_fingerprint."
        + " Heads are then trained from it on one machine (ParquetHeadTraining); images that"
        + " cannot be read are left out and counted.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  spark-submit sommelier-spark.jar features --model models/mobilenet \\",
      "      --folder hdfs:///data/inspections --out hdfs:///features/mobilenet"
    })
final class FeaturesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--model", paramLabel = "DIR", required = true,
      description = "A model directory whose backbone computes the features (from train or"
          + " import).")
  String model;

  @Option(names = "--folder", paramLabel = "DIR", arity = "1..*", required = true,
      description = "Folders of class folders of images (local or Hadoop URIs).")
  List<String> folders;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "32",
      description = "Images per batch (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--partitions", paramLabel = "N",
      description = "Spread the images over N partitions (default: 4 per executor core).")
  Integer partitions;

  @Option(names = "--out", paramLabel = "DIR", required = true,
      description = "Output folder (local or a Hadoop URI) for features.parquet.")
  String out;

  @Override
  public Integer call() {
    FeatureOptions options = new FeatureOptions(model, ImageListing.PATH, batch);
    SparkSession spark = SommelierSpark.session("features");
    Dataset<Row> files = ImageListing.of(spark, folders,
        partitions == null ? ImageListing.defaultPartitions(spark) : partitions);
    String file = Outputs.child(out, "features.parquet");
    SparkFeatures.write(SparkFeatures.table(SparkFeatures.extract(files, options),
        ImageListing.PATH, ImageListing.FOLDER), file);
    long written = spark.read().parquet(file).count();
    long listed = ImageListing.of(spark, folders, 1).count();
    PrintWriter o = spec.commandLine().getOut();
    o.println(written + " images' features written, " + (listed - written) + " images could not"
        + " be read: " + file);
    o.flush();
    return 0;
  }
}
