package dev.sommelier.spark;

import java.util.Arrays;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The shared plumbing of the image jobs: checking the path column, adding answer columns. */
final class ImageTables {

  /** The column that holds why an image has no answer (null when it has one). */
  static final String ERROR = "error";

  private ImageTables() {}

  /**
   * The index of the string column {@code column} in {@code images}.
   *
   * @throws IllegalArgumentException when there is no such column or it does not hold strings
   */
  static int pathIndex(Dataset<Row> images, String column) {
    StructType schema = images.schema();
    if (!Arrays.asList(schema.fieldNames()).contains(column)) {
      throw new IllegalArgumentException("the images have no column '" + column + "' (their"
          + " columns are " + Arrays.toString(schema.fieldNames()) + "); name the column that"
          + " holds the image paths");
    }
    if (!schema.apply(column).dataType().equals(DataTypes.StringType)) {
      throw new IllegalArgumentException("the column '" + column + "' holds "
          + schema.apply(column).dataType().simpleString() + ", not the image paths as strings");
    }
    return schema.fieldIndex(column);
  }

  /** {@code images} through {@code function}, whose answer columns are {@code answers}. */
  static Dataset<Row> apply(Dataset<Row> images, ImageBatchFunction function,
      StructField... answers) {
    StructType out = images.schema();
    for (StructField f : answers) {
      out = out.add(f);
    }
    out = out.add(ERROR, DataTypes.StringType, true);
    return images.mapPartitions(function, Encoders.row(out));
  }
}
