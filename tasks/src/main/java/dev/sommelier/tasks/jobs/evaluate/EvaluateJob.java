package dev.sommelier.tasks.jobs.evaluate;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.tasks.data.DataSet;
import dev.sommelier.tasks.data.check.CheckedData;
import dev.sommelier.tasks.data.split.DataSplits;
import dev.sommelier.tasks.data.split.SplitRatios;
import dev.sommelier.tasks.eval.RankThresholds;
import dev.sommelier.tasks.jobs.DataSummary;
import dev.sommelier.tasks.jobs.EvaluationReport;
import dev.sommelier.tasks.jobs.Evaluator;
import dev.sommelier.tasks.jobs.JobJson;
import dev.sommelier.tasks.jobs.ModelOutputs;
import dev.sommelier.tasks.jobs.SkippedFiles;
import dev.sommelier.tasks.jobs.Targets;
import dev.sommelier.tasks.jobs.train.TrainSettings;
import dev.sommelier.tasks.model.ModelCard;
import dev.sommelier.tasks.model.ModelStore;
import dev.sommelier.tasks.model.TaskKind;
import dev.sommelier.tasks.model.TaskModel;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates a saved model on a data set, whole or one part of its split, and writes {@code
 * evaluation.json} (the same report a {@link dev.sommelier.tasks.jobs.train.TrainJob} gives). A
 * part is cut with the split and seed the model was trained with unless told otherwise, so {@code
 * part = TEST} on the training data reproduces the training run's test numbers; for integer
 * targets the rank cut points tuned during training are used. As in training, every image is
 * decoded once before the split, files that do not decode are left out and listed in {@code
 * skipped-files.csv}, and the parts are made of the images that do.
 */
public final class EvaluateJob {

  private static final Logger LOG = LoggerFactory.getLogger(EvaluateJob.class);
  private static final long DEFAULT_SEED = 42;

  private final EvaluateSettings settings;

  /** A job for {@code settings}. */
  public EvaluateJob(EvaluateSettings settings) {
    this.settings = settings;
  }

  /**
   * Runs the job.
   *
   * @throws IllegalArgumentException for bad input: no model, missing data, class names that
   *     differ from the model's (both are listed), labels that do not fit the model's task
   * @throws IOException when the data cannot be read
   */
  public EvaluateResult run() throws IOException {
    EvaluateSettings s = settings;
    ModelCard card = ModelStore.card(s.model());
    TaskKind task = card.config().task();
    DataSet loaded = Targets.forTask(s.data().load(), task);
    if (task == TaskKind.MULTILABEL) {
      loaded = Targets.toLabels(loaded, card.config().classes());
    }
    if (task == TaskKind.CLASSIFICATION && !loaded.classNames().equals(card.config().classes())) {
      throw new IllegalArgumentException("the data's classes differ from the model's: data "
          + loaded.classNames() + ", model " + card.config().classes()
          + " (same names in the same order are needed)");
    }
    CheckedData checked = s.data().check(loaded, s.workers());
    SkippedFiles skipped = SkippedFiles.start(s.out().resolve(SkippedFiles.FILE), checked);
    DataSet data = checked.usable();
    DataSplits parts = s.part() == EvaluateSettings.Part.ALL ? null : split(data, card);
    DataSummary summary = DataSummary.of(checked, s.data().base(), parts);
    if (parts != null) {
      warnIfOtherData(summary, card);
    }
    DataSet chosen = switch (s.part()) {
      case ALL -> data;
      case TRAIN -> parts.train();
      case VALIDATION -> parts.validation();
      default -> parts.test();
    };
    LOG.info("evaluating {} on the {} {} images of {} ({} images used of {} files, {} left out)",
        s.model(), chosen.size(), s.part().label(), s.data(), data.size(), checked.found(),
        checked.skipped().size());
    EvaluationReport report;
    try (TaskModel model = ModelStore.load(s.model(), BackboneRegistry.load(), s.device(),
        s.inference())) {
      ModelOutputs outputs =
          ModelOutputs.of(model, chosen, s.part().label(), s.batchSize(), s.workers());
      skipped.add(s.part().label(), chosen.size(), outputs.skipped());
      if (task == TaskKind.CLASSIFICATION) {
        report = Evaluator.classification(s.part().label(), outputs, data.classNames());
      } else if (task == TaskKind.MULTILABEL) {
        report = Evaluator.multiLabel(s.part().label(), outputs, data.classNames(),
            card.config().thresholds());
      } else {
        Object thresholds = info(card).get(Evaluator.RANK_THRESHOLDS);
        Object validation = info(card).get(Evaluator.RANK_VALIDATION_SAMPLES);
        report = Evaluator.regression(s.part().label(), outputs,
            thresholds == null ? null : JobJson.convert(thresholds, RankThresholds.class),
            validation instanceof Number n ? n.intValue() : 0);
      }
    }
    LOG.info("evaluation on {} {} samples: {}", report.samples(), s.part().label(),
        Evaluator.headline(report));
    EvaluateResult result = new EvaluateResult(s.model(), s.data().toString(), s.out(),
        s.out().resolve("evaluation.json"), summary, report);
    JobJson.write(result.report(), result);
    return result;
  }

  /** The usable samples split as the model's training run split them, unless told otherwise. */
  private DataSplits split(DataSet data, ModelCard card) throws IOException {
    EvaluateSettings s = settings;
    Map<String, Object> training = training(card);
    SplitRatios ratios = s.split();
    if (ratios == null) {
      Object recorded = training.get("split");
      ratios = recorded instanceof String text && !text.equals("given")
          ? SplitRatios.parse(text) : TrainSettings.DEFAULT_SPLIT;
    }
    long seed = s.seed() != null ? s.seed()
        : training.get("seed") instanceof Number n ? n.longValue() : DEFAULT_SEED;
    return s.data().split(data, ratios, seed);
  }

  private void warnIfOtherData(DataSummary summary, ModelCard card) {
    Object trainedOn = info(card).get("data");
    if (trainedOn instanceof Map<?, ?> recorded
        && !Objects.equals(recorded.get("sha256"), summary.sha256())) {
      LOG.warn("these data differ from those {} was trained on (another SHA-256 of the ids of"
          + " the images used), so its {} part is not the training run's", settings.model(),
          settings.part().label());
    }
  }

  private static Map<String, Object> info(ModelCard card) {
    return card.info() == null ? Map.of() : card.info();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> training(ModelCard card) {
    return info(card).get("training") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}
