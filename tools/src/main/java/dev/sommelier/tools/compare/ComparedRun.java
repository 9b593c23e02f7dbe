package dev.sommelier.tools.compare;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sommelier.tasks.eval.WilsonInterval;
import dev.sommelier.tasks.jobs.EvaluationReport;
import dev.sommelier.tasks.train.EpochResult;
import dev.sommelier.tasks.train.FeatureUse;
import java.nio.file.Path;
import java.util.List;

/**
 * One run of a comparison as its report shows it.
 *
 * @param name the run's name
 * @param dir its folder, an ordinary training run folder
 * @param backbone the backbone with its options
 * @param weights where the backbone's weights started: {@code none}, {@code imagenet} or a file
 * @param inputSize square input size
 * @param head the head's type
 * @param training what trained, e.g. {@code head 3} or {@code head 3, last-2 2} (scope and epochs
 *     per phase)
 * @param totalParameters every scalar of the model, batch-norm statistics included
 * @param trainedParameters the scalars some phase trained
 * @param flopsPerImage forward FLOPs of one image through the whole model
 * @param trainingSeconds the epochs' time (training steps and validation), from the run's
 *     epochs; features computed once before the first epoch are not in it
 * @param seconds the training job's wall time (of its last invocation, for a resumed run)
 * @param trainImagesPerSecond training images per second over the epochs
 * @param peakMemoryBytes the process's peak resident memory while the run trained; null when not
 *     known (not Linux, or the run finished in an earlier invocation that did not record it)
 * @param evaluation the run's own evaluation, as its {@code report.json} holds it
 * @param accuracy the 95 % Wilson interval of the accuracy; null for regression
 * @param best whether this run has the best headline number (highest accuracy, lowest MAE)
 * @param epochs every epoch's numbers, for the training curves
 * @param features how this run came by its backbone features (computed or reused), as recorded
 *     when it trained; empty when it trained its backbone throughout
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComparedRun(
    String name,
    Path dir,
    String backbone,
    String weights,
    int inputSize,
    String head,
    String training,
    long totalParameters,
    long trainedParameters,
    long flopsPerImage,
    double trainingSeconds,
    double seconds,
    double trainImagesPerSecond,
    Long peakMemoryBytes,
    EvaluationReport evaluation,
    WilsonInterval accuracy,
    boolean best,
    List<EpochResult> epochs,
    List<FeatureUse> features) {

  /** Copies the lists. */
  public ComparedRun {
    epochs = List.copyOf(epochs);
    features = List.copyOf(features);
  }

  /** The headline number: accuracy for classification, MAE for regression. */
  public double headline() {
    return evaluation.classification() != null ? evaluation.classification().accuracy()
        : evaluation.regression().mae();
  }
}
