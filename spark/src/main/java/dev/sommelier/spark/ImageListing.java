package dev.sommelier.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.split;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The image files under paths on any Hadoop file system, as a table for {@link SparkPredict},
 * {@link SparkExplain} and {@link SparkFeatures}: a folder stands for its jpg, jpeg, png, bmp and
 * gif files, in it and in its sub-folders (as for {@code sommelier predict}); a path may also be
 * one file or a glob. Only the names are listed (Spark's {@code binaryFile} source without its
 * content column), then spread over partitions so that every executor core gets work even when
 * all the files together are smaller than one Spark file split.
 */
public final class ImageListing {

  /** The column of image paths ({@code file:/...}, {@code hdfs://...}). */
  public static final String PATH = "path";
  /** The column of each image's folder name, the class in the class-folder layout. */
  public static final String FOLDER = "folder";

  private static final String IMAGE = ".*\\.(jpg|jpeg|png|bmp|gif)$";

  private ImageListing() {}

  /**
   * The images under {@code inputs}, in {@code partitions} partitions ({@value #PATH} and {@value
   * #FOLDER} columns).
   *
   * @throws IllegalArgumentException when there are no inputs or a partition count below 1
   */
  public static Dataset<Row> of(SparkSession spark, List<String> inputs, int partitions) {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("no image files or folders given");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("--partitions must be at least 1, got " + partitions);
    }
    return spark.read().format("binaryFile").option("recursiveFileLookup", "true")
        .load(inputs.toArray(String[]::new))
        .select(col(PATH))
        .where(lower(col(PATH)).rlike(IMAGE))
        .withColumn(FOLDER, element_at(split(col(PATH), "/"), -2))
        .repartition(partitions);
  }

  /** Four partitions per core of the session: small enough for balance, few enough for speed. */
  public static int defaultPartitions(SparkSession spark) {
    return 4 * spark.sparkContext().defaultParallelism();
  }
}
