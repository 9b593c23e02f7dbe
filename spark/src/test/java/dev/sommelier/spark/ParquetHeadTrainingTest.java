package dev.sommelier.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.split;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.core.Device;
import dev.sommelier.core.ModelVariable;
import dev.sommelier.core.layers.BatchNormMode;
import dev.sommelier.heads.HeadLayer;
import dev.sommelier.heads.HeadSpec;
import dev.sommelier.heads.Pooling;
import dev.sommelier.tasks.data.ImageDecoder;
import dev.sommelier.tasks.data.RgbImage;
import dev.sommelier.tasks.model.ModelConfig;
import dev.sommelier.tasks.model.ModelInput;
import dev.sommelier.tasks.model.ModelStore;
import dev.sommelier.tasks.model.TaskModel;
import dev.sommelier.tasks.train.ArrayBatchSource;
import dev.sommelier.tasks.train.EpochResult;
import dev.sommelier.tasks.train.LearningRateSchedule;
import dev.sommelier.tasks.train.OptimizerKind;
import dev.sommelier.tasks.train.TrainScope;
import dev.sommelier.tasks.train.Trainer;
import dev.sommelier.tasks.train.TrainingConfig;
import dev.sommelier.tasks.train.TrainingPhase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backbone features computed on Spark and written as Parquet train the same head, to 1e-5, as
 * head-only training on the same images with the features computed in memory; features of other
 * weights are refused.
 */
class ParquetHeadTrainingTest {

  private static final int BATCH = 8;
  private static final long SEED = 3;

  @TempDir Path tmp;

  private static ModelConfig config(long seed, List<String> classes) {
    return new ModelConfig("simple_cnn:blocks=2,width=8", 32,
        HeadSpec.softmax(classes.size(), Pooling.GAP, 0f), classes, BatchNormMode.FROZEN, seed);
  }

  private static TrainingConfig training() {
    return new TrainingConfig(
        List.of(new TrainingPhase(TrainScope.HEAD, OptimizerKind.ADAM, 0.01f, 4)),
        new LearningRateSchedule.Constant(), 0, true);
  }

  @Test
  void aHeadTrainedFromParquetFeaturesEqualsOneTrainedFromInMemoryFeatures() throws Exception {
    List<Path> files = TestSpark.images();
    List<String> folders = files.stream().map(f -> f.getParent().getFileName().toString())
        .distinct().sorted().toList();
    assertEquals(3, folders.size());
    Path modelDir = tmp.resolve("backbone");
    try (TaskModel m = TaskModel.create(config(11, folders), BackboneRegistry.load(), Device.CPU)) {
      ModelStore.save(m, modelDir, Map.of());
    }
    Dataset<Row> images = TestSpark.table(files.stream().map(Path::toString).toList(), 3)
        .withColumn("folder", element_at(split(col("path"), "/"), -2));
    String parquet = tmp.resolve("features.parquet").toString();
    SparkFeatures.write(SparkFeatures.table(SparkFeatures.extract(images,
        new FeatureOptions(modelDir.toString(), "path", 5)), "path", "folder"), parquet);

    float[] fromParquet;
    List<EpochResult> parquetEpochs;
    try (TaskModel m = TaskModel.create(config(11, folders), BackboneRegistry.load(), Device.CPU)) {
      parquetEpochs = ParquetHeadTraining.fit(TestSpark.spark(),
          parquet, m, training(), BATCH, SEED,
          tmp.resolve("from-parquet"), List.of());
      fromParquet = head(m);
    }
    float[] inMemory;
    float[] initial;
    List<EpochResult> memoryEpochs;
    try (TaskModel m = TaskModel.create(config(11, folders), BackboneRegistry.load(), Device.CPU)) {
      initial = head(m);
      List<Path> sorted = files.stream().sorted((a, b) -> a.toString().compareTo(b.toString()))
          .toList();
      List<RgbImage> decoded = new ArrayList<>();
      float[] targets = new float[sorted.size() * folders.size()];
      for (int i = 0; i < sorted.size(); i++) {
        decoded.add(ImageDecoder.decode(sorted.get(i)));
        targets[i * folders.size()
            + folders.indexOf(sorted.get(i).getParent().getFileName().toString())] = 1f;
      }
      memoryEpochs = new Trainer(m, training()).fit(new ArrayBatchSource(
          ModelInput.of(m, decoded), targets, sorted.size(), BATCH, true, SEED), null,
          tmp.resolve("in-memory"));
      inMemory = head(m);
    }
    assertEquals(memoryEpochs.size(), parquetEpochs.size());
    for (int e = 0; e < memoryEpochs.size(); e++) {
      assertEquals(memoryEpochs.get(e).loss(), parquetEpochs.get(e).loss(), 1e-5);
    }
    assertArrayEquals(inMemory, fromParquet, 1e-5f);
    float moved = 0;
    for (int i = 0; i < initial.length; i++) {
      moved = Math.max(moved, Math.abs(initial[i] - inMemory[i]));
    }
    assertTrue(moved > 1e-3, "the head did not train: " + moved);

    try (TaskModel other =
        TaskModel.create(config(12, folders), BackboneRegistry.load(), Device.CPU)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> ParquetHeadTraining.fit(TestSpark.spark(), parquet, other, training(), BATCH,
              SEED, tmp.resolve("other"), List.of()));
      assertTrue(e.getMessage().contains("with weights"), e.getMessage());
      assertTrue(e.getMessage().contains(WeightsFingerprint.of(other)), e.getMessage());
    }
  }

  /** The head's variables, concatenated in creation order. */
  private static float[] head(TaskModel m) {
    Set<String> layers = m.head().layers().stream().map(HeadLayer::name)
        .collect(Collectors.toSet());
    List<ModelVariable> vars = m.runtime().variables().all().stream()
        .filter(v -> layers.contains(v.layer())).toList();
    assertTrue(!vars.isEmpty());
    List<float[]> values = m.runtime().values(vars);
    int n = values.stream().mapToInt(v -> v.length).sum();
    float[] out = new float[n];
    int at = 0;
    for (float[] v : values) {
      System.arraycopy(v, 0, out, at, v.length);
      at += v.length;
    }
    return out;
  }
}
