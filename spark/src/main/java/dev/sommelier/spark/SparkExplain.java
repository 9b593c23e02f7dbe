package dev.sommelier.spark;

import dev.sommelier.tasks.data.RgbImage;
import dev.sommelier.tasks.explain.CamMap;
import dev.sommelier.tasks.explain.CamMaps;
import dev.sommelier.tasks.explain.CamTarget;
import dev.sommelier.tasks.explain.ExplainMethod;
import dev.sommelier.tasks.explain.ExplainMethods;
import dev.sommelier.tasks.model.ModelCard;
import dev.sommelier.tasks.model.TaskKind;
import dev.sommelier.tasks.predict.HeatMap;
import dev.sommelier.tasks.predict.Predictor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Batch explanation on Spark: a saved model's answer on each image of a table, explained with
 * Grad-CAM (or another {@code sommelier explain} method), as {@code sommelier explain --top 1}
 * does on one machine. Each row comes back with
 * <ul>
 *   <li>{@code prediction}, {@code value}: the most probable class, or a regressor's value,
 *   <li>{@code target}: what was explained (e.g. {@code class 'circle' (logit)}), {@code score}:
 *       its score on this image,
 *   <li>{@code peak_x}, {@code peak_y}: where the map is highest, in the image's own pixels,
 *   <li>{@code map_height}, {@code map_width}, {@code map}: the raw map at the layer's resolution,
 *       row-major, in [0, 1],
 *   <li>{@code overlay}: the heat-map PNG written for the image (when asked for), else null,
 *   <li>{@code error}: why the image has no answer; null otherwise.
 * </ul>
 */
public final class SparkExplain {

  private SparkExplain() {}

  /**
   * The rows of {@code images} with their explanations (lazy: nothing runs until an action).
   *
   * @throws IllegalArgumentException on the driver, at once, when the model directory is missing,
   *     the class or method is unknown, or the path column is missing
   */
  public static Dataset<Row> explain(Dataset<Row> images, ExplainOptions options) {
    ModelCard card = ModelDirs.requireOnDriver(options.model());
    ExplainMethods.named(options.method());
    List<String> classes = card.config().classes();
    if (options.className() != null && !classes.contains(options.className())) {
      throw new IllegalArgumentException("no class '" + options.className() + "' in the model "
          + options.model() + "; its classes are " + classes);
    }
    int path = ImageTables.pathIndex(images, options.pathColumn());
    return ImageTables.apply(images, new Explain(options, path),
        DataTypes.createStructField("prediction", DataTypes.StringType, true),
        DataTypes.createStructField("value", DataTypes.FloatType, true),
        DataTypes.createStructField("target", DataTypes.StringType, true),
        DataTypes.createStructField("score", DataTypes.FloatType, true),
        DataTypes.createStructField("peak_x", DataTypes.IntegerType, true),
        DataTypes.createStructField("peak_y", DataTypes.IntegerType, true),
        DataTypes.createStructField("map_height", DataTypes.IntegerType, true),
        DataTypes.createStructField("map_width", DataTypes.IntegerType, true),
        DataTypes.createStructField("map", DataTypes.createArrayType(DataTypes.FloatType, false),
            true),
        DataTypes.createStructField("overlay", DataTypes.StringType, true));
  }

  /** One batch of images explained by the executor's predictor. */
  private static final class Explain extends ImageBatchFunction {
    private static final long serialVersionUID = 1L;
    private final ExplainOptions options;
    private final int pathIndex;

    Explain(ExplainOptions options, int pathIndex) {
      super(options.model(), pathIndex, options.batch(), 10);
      this.options = options;
      this.pathIndex = pathIndex;
    }

    @Override
    List<Object[]> answer(ExecutorModels.Loaded model, List<Row> rows, List<RgbImage> images)
        throws IOException {
      Predictor p = model.predictor();
      List<String> ids = rows.stream().map(r -> r.getString(pathIndex)).toList();
      CamTarget target = options.className() == null
          ? p.model().config().output().defaultCamTarget()
          : CamTarget.classLogit(p.model().config().classes().indexOf(options.className()));
      ExplainMethod method = ExplainMethods.named(options.method());
      List<Object[]> out = new ArrayList<>(images.size());
      for (HeatMap h : p.explainAll(ids, images, target, method, options.layer())) {
        CamMap map = h.map();
        CamMaps.Peak peak = h.peak();
        boolean regression = h.prediction().task() == TaskKind.REGRESSION;
        out.add(new Object[] {
            regression ? null : h.prediction().top().name(),
            regression ? h.prediction().value() : null,
            map.target(), map.score(), peak.x(), peak.y(), map.height(), map.width(),
            map.values(), overlay(h)});
      }
      return out;
    }

    private String overlay(HeatMap h) throws IOException {
      if (options.overlays() == null) {
        return null;
      }
      String id = h.prediction().id();
      String name = id.substring(id.lastIndexOf('/') + 1);
      int dot = name.lastIndexOf('.');
      String stem = (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9._-]+", "_");
      String file = ImageFiles.child(options.overlays(), String.format(Locale.ROOT,
          "%s-%08x-overlay.png", stem, id.hashCode()));
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      ImageIO.write(h.overlay(), "png", png);
      ImageFiles.write(file, png.toByteArray());
      return file;
    }
  }
}
