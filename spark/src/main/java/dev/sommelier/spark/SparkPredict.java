package dev.sommelier.spark;

import dev.sommelier.tasks.data.RgbImage;
import dev.sommelier.tasks.eval.ClassProbability;
import dev.sommelier.tasks.model.TaskKind;
import dev.sommelier.tasks.predict.Prediction;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Batch prediction on Spark: a saved model on a table of image paths. Each row comes back with
 * <ul>
 *   <li>{@code prediction}: the most probable class (or label); null for a regressor,
 *   <li>{@code value}: a regressor's value; null otherwise,
 *   <li>{@code labels}: a multi-label model's labels at or over their thresholds; null otherwise,
 *   <li>{@code probabilities}: every class's (label's) probability in the model's class order;
 *       null for a regressor,
 *   <li>{@code top_k} (only when asked for): the {@code top} most probable classes with their
 *       probabilities, most probable first,
 *   <li>{@code error}: why the image has no answer (unreadable, not an image); null otherwise.
 * </ul>
 * The answers are exactly those of {@link dev.sommelier.tasks.predict.Predictor} on the same
 * files: each executor loads the model once and runs it on batches of the decoded images of a
 * partition.
 */
public final class SparkPredict {

  private SparkPredict() {}

  /**
   * The rows of {@code images} with their predictions (lazy: nothing runs until an action).
   *
   * @throws IllegalArgumentException on the driver, at once, when the model directory is missing
   *     or is not a model, or the path column is missing
   */
  public static Dataset<Row> predict(Dataset<Row> images, PredictOptions options) {
    ModelDirs.requireOnDriver(options.model());
    int path = ImageTables.pathIndex(images, options.pathColumn());
    List<StructField> answers = new ArrayList<>(List.of(
        DataTypes.createStructField("prediction", DataTypes.StringType, true),
        DataTypes.createStructField("value", DataTypes.FloatType, true),
        DataTypes.createStructField("labels",
            DataTypes.createArrayType(DataTypes.StringType, false), true),
        DataTypes.createStructField("probabilities",
            DataTypes.createArrayType(DataTypes.FloatType, false), true)));
    if (options.top() > 0) {
      answers.add(DataTypes.createStructField("top_k", DataTypes.createArrayType(TOP, false),
          true));
    }
    return ImageTables.apply(images, new Predict(options, path, answers.size()),
        answers.toArray(StructField[]::new));
  }

  private static final StructType TOP = new StructType()
      .add("class", DataTypes.StringType, false)
      .add("probability", DataTypes.FloatType, false);

  /** One batch of images through the executor's predictor. */
  private static final class Predict extends ImageBatchFunction {
    private static final long serialVersionUID = 1L;
    private final int top;

    Predict(PredictOptions options, int pathIndex, int columns) {
      super(options.model(), pathIndex, options.batch(), columns);
      this.top = options.top();
    }

    @Override
    List<Object[]> answer(ExecutorModels.Loaded model, List<Row> rows, List<RgbImage> images) {
      List<String> ids = new ArrayList<>(images.size());
      for (int i = 0; i < images.size(); i++) {
        ids.add(String.valueOf(i));
      }
      List<String> classes = model.predictor().model().config().classes();
      List<Object[]> out = new ArrayList<>(images.size());
      for (Prediction p : model.predictor().predictAll(ids, images)) {
        out.add(columns(p, classes));
      }
      return out;
    }

    private Object[] columns(Prediction p, List<String> classes) {
      Object[] c = new Object[top > 0 ? 5 : 4];
      if (p.task() == TaskKind.REGRESSION) {
        c[1] = p.value();
        return c;
      }
      c[0] = p.top().name();
      if (p.task() == TaskKind.MULTILABEL) {
        c[2] = p.labels().stream().map(ClassProbability::name).toArray(String[]::new);
      }
      float[] probabilities = new float[classes.size()];
      for (ClassProbability x : p.classes()) {
        probabilities[x.index()] = x.probability();
      }
      c[3] = probabilities;
      if (top > 0) {
        c[4] = p.classes().subList(0, Math.min(top, p.classes().size())).stream()
            .map(x -> RowFactory.create(x.name(), x.probability())).toArray(Row[]::new);
      }
      return c;
    }
  }
}
