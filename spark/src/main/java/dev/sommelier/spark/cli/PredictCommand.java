package dev.sommelier.spark.cli;

import static org.apache.spark.sql.functions.col;

import dev.sommelier.spark.ImageListing;
import dev.sommelier.spark.PredictOptions;
import dev.sommelier.spark.SparkPredict;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sommelier-spark predict}: {@link SparkPredict} on image files, written as Parquet. */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Predicts image files with a saved model on Spark and writes"
        + " OUT/predictions.parquet: per image its path, the predicted class (prediction), a"
        + " regressor's value, a multi-label model's labels, every class's probability in the"
        + " model's class order, the top K classes with --top, and an error for an image that"
        + " cannot be read (it never fails the job). The model directory must be readable from"
        + " the driver and every executor (a shared folder or a Hadoop URI).",
    footerHeading = "%nExamples:%n",
    footer = {
      "  spark-submit sommelier-spark.jar predict --model runs/shapes/model \\",
      "      --out predictions data/test",
      "  spark-submit sommelier-spark.jar predict --model hdfs:///models/shapes \\",
      "      --top 3 --out hdfs:///out/predictions 'hdfs:///incoming/2026-*/'",
      "",
      "A folder stands for its jpg, jpeg, png, bmp and gif files, in it and in its sub-folders."
    })
final class PredictCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--model", paramLabel = "DIR", required = true,
      description = "A model directory (from train or import).")
  String model;

  @Parameters(paramLabel = "IMAGE", arity = "1..*",
      description = "Image files, folders and globs (local or Hadoop URIs).")
  List<String> images;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "32",
      description = "Images per batch (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--top", paramLabel = "K", defaultValue = "0",
      description = "Also write the K most probable classes in a top_k column (default: none).")
  int top;

  @Option(names = "--partitions", paramLabel = "N",
      description = "Spread the images over N partitions (default: 4 per executor core).")
  Integer partitions;

  @Option(names = "--out", paramLabel = "DIR", required = true,
      description = "Output folder (local or a Hadoop URI) for predictions.parquet.")
  String out;

  @Override
  public Integer call() {
    PredictOptions options = new PredictOptions(model, ImageListing.PATH, batch, top);
    SparkSession spark = SommelierSpark.session("predict");
    Dataset<Row> files = ImageListing.of(spark, images,
        partitions == null ? ImageListing.defaultPartitions(spark) : partitions);
    String file = Outputs.child(out, "predictions.parquet");
    SparkPredict.predict(files.drop(ImageListing.FOLDER), options).write().mode("overwrite")
        .parquet(file);
    PrintWriter o = spec.commandLine().getOut();
    Outputs.summary(o, "predicted", spark.read().parquet(file).select(col("error")), file);
    return 0;
  }
}
