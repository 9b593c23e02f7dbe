package dev.sommelier.spark.cli;

import static org.apache.spark.sql.functions.col;

import dev.sommelier.spark.ExplainOptions;
import dev.sommelier.spark.ImageListing;
import dev.sommelier.spark.SparkExplain;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sommelier-spark explain}: {@link SparkExplain} on image files, written as Parquet. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Explains image files with a saved model on Spark (Grad-CAM by default, as"
        + " sommelier explain --top 1) and writes OUT/explanations.parquet: per image the"
        + " prediction, the explained target and its score, the map's peak in the image's"
        + " pixels, the raw map (map_height x map_width floats, row-major) and, with --overlays,"
        + " the heat map over the image as OUT/overlays/NAME-HASH-overlay.png; an image that"
        + " cannot be read gets an error instead.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  spark-submit sommelier-spark.jar explain --model runs/shapes/model \\",
      "      --images data/test --overlays --out explained",
      "  spark-submit sommelier-spark.jar explain --model runs/shapes/model \\",
      "      --images hdfs:///incoming/ --class circle --method gradcam++ --out explained"
    })
final class ExplainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--model", paramLabel = "DIR", required = true,
      description = "A model directory (from train or import).")
  String model;

  @Option(names = "--images", paramLabel = "PATH", arity = "1..*", required = true,
      description = "Image files, folders and globs (local or Hadoop URIs).")
  List<String> images;

  @Option(names = "--out", paramLabel = "DIR", required = true,
      description = "Output folder (local or a Hadoop URI) for explanations.parquet and the"
          + " overlays.")
  String out;

  @Option(names = "--layer", paramLabel = "NAME",
      description = "Layer to explain (default: the backbone's Grad-CAM layer).")
  String layer;

  @Option(names = "--class", paramLabel = "NAME",
      description = "Explain this class in every image (default: the most probable class).")
  String className;

  @Option(names = "--method", paramLabel = "NAME", defaultValue = "gradcam",
      description = "How the map is made, as for sommelier explain (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "16",
      description = "Images per batch (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--overlays",
      description = "Also write each image's heat-map overlay as PNG under OUT/overlays.")
  boolean overlays;

  @Option(names = "--partitions", paramLabel = "N",
      description = "Spread the images over N partitions (default: 4 per executor core).")
  Integer partitions;

  @Override
  public Integer call() {
    ExplainOptions options = new ExplainOptions(model, ImageListing.PATH, batch, method, layer,
        className, overlays ? Outputs.child(out, "overlays") : null);
    SparkSession spark = SommelierSpark.session("explain");
    String file = Outputs.child(out, "explanations.parquet");
    SparkExplain.explain(ImageListing.of(spark, images,
            partitions == null ? ImageListing.defaultPartitions(spark) : partitions)
        .drop(ImageListing.FOLDER), options).write().mode("overwrite").parquet(file);
    Outputs.summary(spec.commandLine().getOut(), "explained",
        spark.read().parquet(file).select(col("error")), file);
    return 0;
  }
}
