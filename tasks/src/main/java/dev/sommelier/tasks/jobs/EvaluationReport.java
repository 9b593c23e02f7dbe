package dev.sommelier.tasks.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sommelier.tasks.eval.ClassificationReport;
import dev.sommelier.tasks.eval.MultiLabelReport;
import dev.sommelier.tasks.eval.RankReport;
import dev.sommelier.tasks.eval.RegressionReport;
import dev.sommelier.tasks.model.TaskKind;
import java.util.List;

/**
 * How a model did on one part of a data set, the same for {@link
 * dev.sommelier.tasks.jobs.train.TrainJob} and {@link
 * dev.sommelier.tasks.jobs.evaluate.EvaluateJob}: a classification report, or a regression report
 * with, for integer targets, a rank report whose cut points were tuned on validation data.
 *
 * @param part which samples: {@code test}, {@code validation}, {@code train} or {@code all}
 * @param task classification, regression or multi-label
 * @param samples samples evaluated (decoded images)
 * @param classification accuracy, per-class P/R/F1, confusion matrix; null for regression
 * @param regression MAE, RMSE, R², bias; null for classification
 * @param ranks rank accuracy by rounding and by tuned cut points, errors per rank; null unless the
 *     targets are whole numbers and cut points were tuned
 * @param skippedFiles ids of the samples of this part whose image could not be decoded
 * @param labels per-label and overall multi-label numbers; null unless multi-label
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationReport(
    String part,
    TaskKind task,
    int samples,
    ClassificationReport classification,
    RegressionReport regression,
    RankReport ranks,
    List<String> skippedFiles,
    MultiLabelReport labels) {

  /** Copies the skipped files. */
  public EvaluationReport {
    skippedFiles = List.copyOf(skippedFiles);
  }

  /** A report of classes or values. */
  public EvaluationReport(String part, TaskKind task, int samples,
      ClassificationReport classification, RegressionReport regression, RankReport ranks,
      List<String> skippedFiles) {
    this(part, task, samples, classification, regression, ranks, skippedFiles, null);
  }
}
