package dev.sommelier.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.sommelier.tasks.data.RgbImage;
import dev.sommelier.tasks.model.ModelInput;
import dev.sommelier.tasks.model.TaskModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Backbone features of a data set on Spark, for training heads on one machine ({@link
 * ParquetHeadTraining}): each image's unpooled feature map, flattened, as the in-memory
 * cached-features path of head-only training computes it. Written as Parquet with the columns
 * {@value #PATH}, {@value #LABEL}, {@value #FEATURES}, {@value #BACKBONE} and {@value
 * #FINGERPRINT} ({@link WeightsFingerprint}: which backbone weights computed them).
 */
public final class SparkFeatures {

  /** The image path. */
  public static final String PATH = "path";
  /** The image's class name (or value, as text), null when unknown. */
  public static final String LABEL = "label";
  /** The flattened feature map, {@code float} per scalar. */
  public static final String FEATURES = "features";
  /** The backbone with its options, e.g. {@code mobilenet_v1:alpha=0.25}. */
  public static final String BACKBONE = "backbone";
  /** {@link WeightsFingerprint} of the backbone that computed the features. */
  public static final String FINGERPRINT = "weights_fingerprint";

  private SparkFeatures() {}

  /**
   * The rows of {@code images} with their {@value #FEATURES}, {@value #BACKBONE} and {@value
   * #FINGERPRINT}, and an {@code error} column for images that could not be read (lazy).
   *
   * @throws IllegalArgumentException on the driver when the model directory is missing or the
   *     path column is missing
   */
  public static Dataset<Row> extract(Dataset<Row> images, FeatureOptions options) {
    ModelDirs.requireOnDriver(options.model());
    int path = ImageTables.pathIndex(images, options.pathColumn());
    return ImageTables.apply(images, new Features(options, path),
        DataTypes.createStructField(FEATURES,
            DataTypes.createArrayType(DataTypes.FloatType, false), true),
        DataTypes.createStructField(BACKBONE, DataTypes.StringType, true),
        DataTypes.createStructField(FINGERPRINT, DataTypes.StringType, true));
  }

  /**
   * The feature table as written: {@value #PATH}, {@value #LABEL} (from {@code labelColumn}, or
   * null when that is null), {@value #FEATURES}, {@value #BACKBONE}, {@value #FINGERPRINT}, of the
   * rows of {@link #extract} that have features.
   */
  public static Dataset<Row> table(Dataset<Row> extracted, String pathColumn,
      String labelColumn) {
    Column label = labelColumn == null ? lit(null).cast(DataTypes.StringType)
        : col(labelColumn).cast(DataTypes.StringType);
    return extracted.where(col(ImageTables.ERROR).isNull()).select(
        col(pathColumn).as(PATH), label.as(LABEL), col(FEATURES), col(BACKBONE),
        col(FINGERPRINT));
  }

  /**
   * Writes {@code table} ({@link #table}) as Parquet to {@code file}, replacing it. The feature
   * vectors are written without Parquet's dictionary encoding: dense floats rarely repeat, so the
   * dictionary is built only to be dropped.
   */
  public static void write(Dataset<Row> table, String file) {
    table.write().mode("overwrite").option("parquet.enable.dictionary", "false").parquet(file);
  }

  /** One batch of images through the executor's backbone. */
  private static final class Features extends ImageBatchFunction {
    private static final long serialVersionUID = 1L;

    Features(FeatureOptions options, int pathIndex) {
      super(options.model(), pathIndex, options.batch(), 3);
    }

    @Override
    List<Object[]> answer(ExecutorModels.Loaded loaded, List<Row> rows, List<RgbImage> images) {
      TaskModel model = loaded.predictor().model();
      int n = images.size();
      float[] all = model.features(ModelInput.of(model, images), n);
      int per = all.length / n;
      List<Object[]> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(new Object[] {Arrays.copyOfRange(all, i * per, (i + 1) * per),
            model.config().backbone(), loaded.fingerprint()});
      }
      return out;
    }
  }
}
