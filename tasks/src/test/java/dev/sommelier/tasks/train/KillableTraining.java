package dev.sommelier.tasks.train;

import dev.sommelier.heads.OutputFunction;
import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.core.Device;
import dev.sommelier.core.layers.BatchNormMode;
import dev.sommelier.heads.HeadSpec;
import dev.sommelier.tasks.data.DataSet;
import dev.sommelier.tasks.data.augment.AugmentationConfig;
import dev.sommelier.tasks.data.pipeline.BatchPipeline;
import dev.sommelier.tasks.data.source.ClassFolders;
import dev.sommelier.tasks.data.split.DataSplits;
import dev.sommelier.tasks.data.split.SplitRatios;
import dev.sommelier.tasks.model.ModelConfig;
import dev.sommelier.tasks.model.TaskModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A small seeded training run through {@link Trainer}, as a program, for {@link
 * ResumeAfterKillTest}: a small CNN from scratch on the class folders in {@code DATA}, the default
 * augmentation, an MLP head with two dropout layers, a head-only phase then a phase that trains
 * everything (Adam both), the rate halved on a plateau, early stopping armed. It resumes from
 * {@code OUT/checkpoints/last} when that exists.
 *
 * <p>Usage: {@code KillableTraining DATA OUT [PAUSE_EPOCH PAUSE_STEP]}. Prints {@code resumed
 * after N} at the start and {@code batch EPOCH STEP} after every step; with a pause it stops for
 * good after printing that step, in the middle of the epoch, for the caller to kill it. At the end
 * it prints one {@link #line} per epoch.
 */
public final class KillableTraining {

  static final int EPOCHS = 4;

  private KillableTraining() {}

  public static void main(String[] args) throws Exception {
    int pauseEpoch = args.length > 2 ? Integer.parseInt(args[2]) : -1;
    int pauseStep = args.length > 3 ? Integer.parseInt(args[3]) : -1;
    TrainingListener protocol = new TrainingListener() {
      @Override
      public void onTrainingStart(TrainingRun run) {
        System.out.println("resumed after " + run.history().size());
      }

      @Override
      public void onBatchEnd(TrainingRun run, BatchEnd b) {
        System.out.println("batch " + b.epoch() + " " + b.step());
        if (b.epoch() == pauseEpoch && b.step() == pauseStep) {
          try {
            new CountDownLatch(1).await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
    };
    for (EpochResult r : train(Path.of(args[0]), Path.of(args[1]), protocol)) {
      System.out.println(line(r));
    }
  }

  /** Runs (or resumes) the training into {@code out}; returns every epoch's numbers. */
  static List<EpochResult> train(Path data, Path out, TrainingListener listener)
      throws IOException {
    DataSet all = ClassFolders.load(data);
    DataSplits parts = DataSplits.stratified(all, SplitRatios.parse("3:1"), 5);
    int k = all.classNames().size();
    ModelConfig config = new ModelConfig("simple_cnn:blocks=2,width=8", 32,
        HeadSpec.mlp(List.of(32, 16), 0.5f, k, OutputFunction.SOFTMAX), all.classNames(), BatchNormMode.FROZEN, 5);
    TrainingConfig training = new TrainingConfig(
        List.of(new TrainingPhase(TrainScope.HEAD, OptimizerKind.ADAM, 0.01f, 2),
            new TrainingPhase(TrainScope.ALL, OptimizerKind.ADAM, 0.003f, EPOCHS - 2)),
        new LearningRateSchedule.ReduceOnPlateau(1, 0.5f, 1e-5f), 3, true);
    try (TaskModel model = TaskModel.create(config, BackboneRegistry.load(), Device.CPU);
        BatchPipeline train = BatchPipeline.builder(parts.train().samples(), 6, 32, 32)
            .preprocessing(model.preprocessing()).augmentation(AugmentationConfig.DEFAULT)
            .seed(5).workers(2).build();
        BatchPipeline validation = BatchPipeline.builder(parts.validation().samples(), 6, 32, 32)
            .preprocessing(model.preprocessing()).shuffle(false).workers(2).build()) {
      return new Trainer(model, training).listen(listener).fit(
          new PipelineBatchSource(train, parts.train().size(), config.output()),
          new PipelineBatchSource(validation, parts.validation().size(), config.output()), out);
    }
  }

  /**
   * An epoch's numbers, all but the timings, each written so that two lines are equal exactly
   * when the numbers are ({@link Double#toString} round-trips).
   */
  static String line(EpochResult r) {
    return "epoch " + r.epoch() + " phase " + r.phase() + " lr " + r.learningRate() + " loss "
        + r.loss() + " metric " + r.metric() + " val_loss " + r.valLoss() + " val_metric "
        + r.valMetric();
  }
}
