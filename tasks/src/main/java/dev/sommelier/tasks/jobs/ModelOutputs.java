package dev.sommelier.tasks.jobs;

import dev.sommelier.tasks.data.DataSet;
import dev.sommelier.tasks.data.SkippedSample;
import dev.sommelier.tasks.data.pipeline.Batch;
import dev.sommelier.tasks.data.pipeline.BatchPipeline;
import dev.sommelier.tasks.data.pipeline.EpochBatches;
import dev.sommelier.tasks.model.TaskModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A model's outputs over a data set, in the data set's order, for the images that could be decoded
 * (the others are listed in {@code skipped}), with their labels.
 *
 * @param ids sample ids
 * @param classes true class index per sample ({@code -1} for values)
 * @param values true value per sample ({@code NaN} for classes)
 * @param outputs {@code ids.size() * k} model outputs: class probabilities, or the value
 * @param skipped the samples whose image could not be decoded, with the reasons
 * @param labels true label indices per sample (empty lists unless multi-label)
 */
public record ModelOutputs(List<String> ids, int[] classes, float[] values, float[] outputs,
    List<SkippedSample> skipped, List<List<Integer>> labels) {

  /** Outputs of samples of classes or values. */
  public ModelOutputs(List<String> ids, int[] classes, float[] values, float[] outputs,
      List<SkippedSample> skipped) {
    this(ids, classes, values, outputs, skipped,
        java.util.Collections.nCopies(ids.size(), List.of()));
  }

  /** The true labels as {@code n * k} 0/1 floats. */
  public float[] labelTruth(int k) {
    float[] truth = new float[ids.size() * k];
    for (int i = 0; i < ids.size(); i++) {
      for (int label : labels.get(i)) {
        truth[i * k + label] = 1f;
      }
    }
    return truth;
  }

  /**
   * Runs {@code model} over {@code data}.
   *
   * @param part names the data in the error when no image can be decoded
   * @throws IllegalArgumentException when {@code data} is empty or none of its images decodes
   */
  public static ModelOutputs of(TaskModel model, DataSet data, String part, int batchSize,
      int workers) {
    int k = model.head().outputs();
    List<String> ids = new ArrayList<>();
    List<List<Integer>> labels = new ArrayList<>();
    int[] classes = new int[data.size()];
    float[] values = new float[data.size()];
    float[] outputs = new float[data.size() * k];
    List<SkippedSample> skipped;
    try (BatchPipeline pipeline = Pipelines.evaluation(model, data.samples(), batchSize, workers);
        EpochBatches batches = pipeline.epoch(0)) {
      while (batches.hasNext()) {
        Batch b = batches.next();
        int at = ids.size();
        System.arraycopy(model.predict(b.pixels(), b.size()), 0, outputs, at * k, b.size() * k);
        System.arraycopy(b.classIndices(), 0, classes, at, b.size());
        System.arraycopy(b.values(), 0, values, at, b.size());
        ids.addAll(b.ids());
        labels.addAll(b.labels());
      }
      skipped = pipeline.skipped();
    }
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("nothing to evaluate in the " + part + " part: "
          + (data.size() == 0 ? "it is empty" : "none of its " + data.size() + " images decodes"));
    }
    int n = ids.size();
    return new ModelOutputs(List.copyOf(ids), Arrays.copyOf(classes, n),
        Arrays.copyOf(values, n), Arrays.copyOf(outputs, n * k), skipped, List.copyOf(labels));
  }
}
