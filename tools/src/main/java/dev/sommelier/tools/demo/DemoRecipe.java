package dev.sommelier.tools.demo;

import dev.sommelier.core.layers.BatchNormMode;
import dev.sommelier.heads.Pooling;
import dev.sommelier.tasks.data.source.DataSource;
import dev.sommelier.tasks.data.split.SplitRatios;
import dev.sommelier.tasks.jobs.train.HeadOptions;
import dev.sommelier.tasks.jobs.train.InitialWeights;
import dev.sommelier.tasks.jobs.train.TrainSettings;
import dev.sommelier.tasks.model.TaskKind;
import dev.sommelier.tasks.train.LearningRateSchedule;
import dev.sommelier.tasks.train.OptimizerKind;
import dev.sommelier.tasks.train.TrainScope;
import java.nio.file.Path;

/**
 * The demo's two training recipes, measured on its data (80 cluttered logos a class at 224
 * pixels). A pretrained backbone keeps its batch norm frozen and trains, with Adam and a cosine
 * schedule in each phase, the head alone at 0.02 on features computed once (dropout 0.2), then
 * the head and the last blocks at the fine-tuning rate ({@code --fine-tune last-6:10:1e-4}: at a
 * tenth of 0.02 the frozen batch norm's near-zero variances blow the features up); a backbone
 * from scratch trains everything, batch norm included, at 0.003 (the recipe that learns these
 * logos from 1,000 images a class) for as many epochs as the pretrained run has in all.
 */
final class DemoRecipe {

  /** Split of the drawn images: 4:1:2, so that 140 a class train on 80. */
  static final SplitRatios SPLIT = SplitRatios.parse("4:1:2");
  private static final int BATCH = 32;
  private static final float PRETRAINED_RATE = 0.02f;
  private static final float PRETRAINED_DROPOUT = 0.2f;
  private static final float SCRATCH_RATE = 0.003f;

  private DemoRecipe() {}

  /** Settings that start from {@code run.weights()} (not none) and train in two phases. */
  static TrainSettings pretrained(DemoRun run, DataSource data, Path out) {
    HeadOptions head = HeadOptions.defaultFor(run.task());
    return common(run, data, out)
        .backboneWeights(run.weights())
        .head(new HeadOptions(head.type(),
            run.task() == TaskKind.CLASSIFICATION ? PRETRAINED_DROPOUT : 0f, head.hidden(),
            Pooling.GAP))
        .learningRate(PRETRAINED_RATE)
        .epochs(run.epochs())
        .scope(TrainScope.HEAD)
        .fineTune(run.fineTune())
        .batchNorm(BatchNormMode.FROZEN)
        .build();
  }

  /** Settings that train every layer from seeded random weights for the same epochs in all. */
  static TrainSettings scratch(DemoRun run, DataSource data, Path out) {
    HeadOptions head = HeadOptions.defaultFor(run.task());
    return common(run, data, out)
        .backboneWeights(InitialWeights.NONE)
        .head(new HeadOptions(head.type(), 0f, head.hidden(), Pooling.GAP))
        .learningRate(SCRATCH_RATE)
        .epochs(run.totalEpochs())
        .scope(TrainScope.ALL)
        .batchNorm(BatchNormMode.TRAINING)
        .build();
  }

  private static TrainSettings.Builder common(DemoRun run, DataSource data, Path out) {
    TrainSettings.Builder b = TrainSettings.builder(data, out)
        .task(run.task())
        .split(SPLIT)
        .seed(run.seed())
        .backbone(DemoRun.BACKBONE)
        .inputSize(run.inputSize())
        .optimizer(OptimizerKind.ADAM)
        .schedule(new LearningRateSchedule.Cosine())
        .batchSize(BATCH)
        .device(run.device());
    if (run.workers() != null) {
      b.workers(run.workers());
    }
    return b;
  }
}
