package dev.sommelier.spark;

import static org.apache.spark.sql.functions.col;

import dev.sommelier.tasks.model.TaskKind;
import dev.sommelier.tasks.model.TaskModel;
import dev.sommelier.tasks.train.ArrayBatchSource;
import dev.sommelier.tasks.train.EpochResult;
import dev.sommelier.tasks.train.FeatureArrays;
import dev.sommelier.tasks.train.Trainer;
import dev.sommelier.tasks.train.TrainingConfig;
import dev.sommelier.tasks.train.TrainingPhase;
import dev.sommelier.tasks.train.TrainingListener;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a head on one machine from backbone features that {@link SparkFeatures} wrote as
 * Parquet, through head-only training's cached-features path: the {@link Trainer} is handed the
 * Parquet features as its {@link dev.sommelier.tasks.train.FeatureStore}'s answer, so the backbone
 * never runs and the head trains exactly as on features computed in memory. The rows are taken
 * in path order, which fixes each epoch's shuffle. The features must come from the model's own
 * backbone and weights: the backbone name and {@link WeightsFingerprint} are checked.
 */
public final class ParquetHeadTraining {

  private static final Logger LOG = LoggerFactory.getLogger(ParquetHeadTraining.class);

  private ParquetHeadTraining() {}

  /**
   * Trains {@code model}'s head on the features in {@code parquet}.
   *
   * @param spark reads the Parquet (local mode is enough)
   * @param parquet what {@link SparkFeatures#table} wrote
   * @param model a classifier or regressor whose backbone computed the features
   * @param config head-only phases, features cached
   * @param batchSize features per step
   * @param seed seeds each epoch's shuffle
   * @param outDir where the trainer keeps its checkpoints
   * @param listeners progress listeners (may be empty)
   * @return every epoch's numbers
   * @throws IllegalArgumentException when a phase trains backbone layers, features are not
   *     cached, the features come from another backbone or other weights, a label is not one of
   *     the model's classes, or the file holds no features
   */
  public static List<EpochResult> fit(SparkSession spark, String parquet, TaskModel model,
      TrainingConfig config, int batchSize, long seed, Path outDir,
      List<TrainingListener> listeners) {
    for (TrainingPhase p : config.phases()) {
      if (!p.scope().headOnly() || !config.cacheFeatures()) {
        throw new IllegalArgumentException("training from the features in " + parquet + " needs"
            + " head-only phases with cached features; a phase of " + p.scope() + " needs images");
      }
    }
    List<Row> rows = spark.read().parquet(parquet).where(col(SparkFeatures.LABEL).isNotNull())
        .orderBy(SparkFeatures.PATH).collectAsList();
    FeatureArrays arrays = arrays(rows, model, parquet);
    ArrayBatchSource order = new ArrayBatchSource(arrays.features(), arrays.targets(),
        arrays.n(), batchSize, true, seed);
    Trainer trainer = new Trainer(model, config).shareFeatures((key, compute) -> arrays, parquet);
    listeners.forEach(trainer::listen);
    LOG.info("training the head on {} images' features from {}", arrays.n(), parquet);
    return trainer.fit(order, null, outDir);
  }

  private static FeatureArrays arrays(List<Row> rows, TaskModel model, String parquet) {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(parquet + " holds no labelled features; write them"
          + " with 'sommelier-spark features' on labelled images");
    }
    String backbone = model.config().backbone();
    String fingerprint = WeightsFingerprint.of(model);
    List<String> classes = model.config().classes();
    TaskKind task = model.config().task();
    if (task == TaskKind.MULTILABEL) {
      throw new IllegalArgumentException("training a multi-label head from " + parquet + " is"
          + " not supported; train a classifier or a regressor");
    }
    int per = model.featureSize();
    int k = task == TaskKind.REGRESSION ? 1 : classes.size();
    int n = rows.size();
    float[] features = new float[Math.multiplyExact(n, per)];
    float[] targets = new float[n * k];
    for (int i = 0; i < n; i++) {
      Row r = rows.get(i);
      String path = r.getAs(SparkFeatures.PATH);
      if (!backbone.equals(r.getAs(SparkFeatures.BACKBONE))
          || !fingerprint.equals(r.getAs(SparkFeatures.FINGERPRINT))) {
        throw new IllegalArgumentException("the features of " + path + " in " + parquet
            + " come from " + r.getAs(SparkFeatures.BACKBONE) + " with weights "
            + r.getAs(SparkFeatures.FINGERPRINT) + ", not from this model's " + backbone
            + " with weights " + fingerprint + "; compute them with the same model directory");
      }
      List<Float> f = r.getList(r.fieldIndex(SparkFeatures.FEATURES));
      if (f.size() != per) {
        throw new IllegalArgumentException("the features of " + path + " in " + parquet
            + " hold " + f.size() + " floats, not the model's " + per);
      }
      for (int j = 0; j < per; j++) {
        features[i * per + j] = f.get(j);
      }
      String label = r.getAs(SparkFeatures.LABEL);
      if (task == TaskKind.REGRESSION) {
        targets[i] = Float.parseFloat(label);
      } else {
        int c = classes.indexOf(label);
        if (c < 0) {
          throw new IllegalArgumentException("the label '" + label + "' of " + path + " in "
              + parquet + " is not one of the model's classes " + classes);
        }
        targets[i * k + c] = 1f;
      }
    }
    return new FeatureArrays(features, targets, n);
  }
}
