package dev.sommelier.tasks.jobs;

import dev.sommelier.tasks.data.Sample;
import dev.sommelier.tasks.data.augment.AugmentationConfig;
import dev.sommelier.tasks.data.pipeline.BatchPipeline;
import dev.sommelier.tasks.model.TaskModel;
import java.util.List;

/** The batch pipelines of the jobs: sized and preprocessed for the model. */
public final class Pipelines {

  private Pipelines() {}

  /** Shuffled each epoch, augmented as {@code augmentation} says. */
  public static BatchPipeline training(TaskModel model, List<Sample> samples, int batchSize,
      AugmentationConfig augmentation, long seed, int workers) {
    return builder(model, samples, batchSize, workers).augmentation(augmentation).seed(seed)
        .build();
  }

  /** In the samples' order, without augmentation: validation, test, evaluation. */
  public static BatchPipeline evaluation(TaskModel model, List<Sample> samples, int batchSize,
      int workers) {
    return builder(model, samples, batchSize, workers).shuffle(false).build();
  }

  private static BatchPipeline.Builder builder(TaskModel model, List<Sample> samples,
      int batchSize, int workers) {
    int size = model.config().inputSize();
    return BatchPipeline.builder(samples, batchSize, size, size).workers(workers)
        .preprocessing(model.preprocessing());
  }
}
