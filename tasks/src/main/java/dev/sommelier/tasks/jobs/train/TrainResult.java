package dev.sommelier.tasks.jobs.train;

import dev.sommelier.tasks.jobs.DataSummary;
import dev.sommelier.tasks.jobs.EvaluationReport;
import dev.sommelier.tasks.train.EpochResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a {@link TrainJob} did; also the content of its {@code report.json}.
 *
 * @param out the output folder
 * @param model the saved model directory ({@code out/model})
 * @param report the report file ({@code out/report.json})
 * @param epochsCsv one row per epoch ({@code out/epochs.csv})
 * @param settings the settings in option syntax, as {@link TrainSettings#describe()} gives them
 * @param data what the whole data set held
 * @param split samples per part: train, validation, test
 * @param epochs every epoch run (including epochs before a resume)
 * @param bestEpoch the epoch whose weights were saved: the first with the lowest validation loss
 *     (see {@link dev.sommelier.tasks.train.Monitor}), or the last epoch without validation data
 * @param evaluation the evaluation of the test part (the validation part when there is no test)
 * @param skippedFiles ids of images that could not be decoded, in any part
 * @param trainImagesPerSecond training images per second over all epochs
 * @param seconds wall time of the whole job
 */
public record TrainResult(
    Path out,
    Path model,
    Path report,
    Path epochsCsv,
    Map<String, Object> settings,
    DataSummary data,
    Map<String, Integer> split,
    List<EpochResult> epochs,
    int bestEpoch,
    EvaluationReport evaluation,
    List<String> skippedFiles,
    double trainImagesPerSecond,
    double seconds) {

  /** Copies the lists. */
  public TrainResult {
    epochs = List.copyOf(epochs);
    skippedFiles = List.copyOf(skippedFiles);
  }

  /** The last epoch run. */
  public EpochResult lastEpoch() {
    return epochs.get(epochs.size() - 1);
  }
}
