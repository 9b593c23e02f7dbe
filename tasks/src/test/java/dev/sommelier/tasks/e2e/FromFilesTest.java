package dev.sommelier.tasks.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.core.Device;
import dev.sommelier.core.layers.BatchNormMode;
import dev.sommelier.heads.HeadSpec;
import dev.sommelier.heads.Pooling;
import dev.sommelier.tasks.data.DataSet;
import dev.sommelier.tasks.data.pipeline.Batch;
import dev.sommelier.tasks.data.pipeline.BatchPipeline;
import dev.sommelier.tasks.data.pipeline.EpochBatches;
import dev.sommelier.tasks.data.source.ClassFolders;
import dev.sommelier.tasks.data.split.DataSplits;
import dev.sommelier.tasks.data.split.SplitRatios;
import dev.sommelier.tasks.data.synthetic.ShapeImages;
import dev.sommelier.tasks.model.ModelConfig;
import dev.sommelier.tasks.model.TaskModel;
import dev.sommelier.tasks.train.LearningRateSchedule;
import dev.sommelier.tasks.train.OptimizerKind;
import dev.sommelier.tasks.train.PipelineBatchSource;
import dev.sommelier.tasks.train.TrainScope;
import dev.sommelier.tasks.train.Trainer;
import dev.sommelier.tasks.train.TrainingConfig;
import dev.sommelier.tasks.train.TrainingPhase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Image files to trained model: a drawn data set written to disk, loaded from class folders, split
 * 6:2:2, decoded on worker threads, trained from scratch and scored on its held-out test split.
 */
class FromFilesTest {

  private static final int SIZE = 32;
  @TempDir Path tmp;

  private static BatchPipeline pipeline(DataSet d, TaskModel m, boolean shuffle) {
    return BatchPipeline.builder(d.samples(), 16, SIZE, SIZE)
        .preprocessing(m.backbone().spec().preprocessing())
        .shuffle(shuffle)
        .seed(3)
        .workers(2)
        .build();
  }

  /** Predictions of the whole of {@code d}, in sample order, and the truth. */
  private static float[][] predict(TaskModel m, DataSet d) {
    int k = m.head().outputs();
    float[] out = new float[d.size() * k];
    float[] truth = new float[d.size()];
    int at = 0;
    try (BatchPipeline p = pipeline(d, m, false); EpochBatches it = p.epoch(0)) {
      while (it.hasNext()) {
        Batch b = it.next();
        System.arraycopy(m.predict(b.pixels(), b.size()), 0, out, at * k, b.size() * k);
        for (int i = 0; i < b.size(); i++) {
          truth[at + i] = b.classIndices()[i];
        }
        at += b.size();
      }
    }
    return new float[][] {out, truth};
  }

  private static TrainingConfig adam(int epochs, float lr) {
    return new TrainingConfig(
        List.of(new TrainingPhase(TrainScope.ALL, OptimizerKind.ADAM, lr, epochs)),
        new LearningRateSchedule.Cosine(), 0, false);
  }

  @Test
  void aSmallCnnTrainedFromScratchClassifiesDrawnShapesFromFiles() throws Exception {
    new ShapeImages(4, 150, SIZE, dev.sommelier.tasks.data.synthetic.FileFormat.PNG,
        dev.sommelier.tasks.data.synthetic.Layout.CLASS_FOLDERS, 5).writeTo(tmp.resolve("shapes"));
    DataSet all = ClassFolders.load(tmp.resolve("shapes"));
    DataSplits s = DataSplits.stratified(all, SplitRatios.parse("6:2:2"), 7);
    ModelConfig config =
        new ModelConfig("simple_cnn:width=32", SIZE, HeadSpec.softmax(4, Pooling.GAP, 0f),
            all.classNames(), BatchNormMode.FROZEN, 9);
    try (TaskModel m = TaskModel.create(config, BackboneRegistry.load(), Device.CPU);
        BatchPipeline train = pipeline(s.train(), m, true);
        BatchPipeline val = pipeline(s.validation(), m, false)) {
      new Trainer(m, adam(60, 0.002f)).fit(
          new PipelineBatchSource(train, s.train().size(), config.output()),
          new PipelineBatchSource(val, s.validation().size(), config.output()),
          tmp.resolve("run"));
      float[][] p = predict(m, s.test());
      int right = 0;
      for (int i = 0; i < s.test().size(); i++) {
        int best = 0;
        for (int j = 1; j < 4; j++) {
          best = p[0][i * 4 + j] > p[0][i * 4 + best] ? j : best;
        }
        right += best == (int) p[1][i] ? 1 : 0;
      }
      double accuracy = right / (double) s.test().size();
      assertEquals(120, s.test().size());
      assertTrue(accuracy >= 0.9, "test accuracy " + accuracy);
    }
  }
}
