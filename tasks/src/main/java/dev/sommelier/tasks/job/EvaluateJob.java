package dev.sommelier.tasks.job;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.tasks.data.DataSet;
import dev.sommelier.tasks.data.split.DataSplits;
import dev.sommelier.tasks.data.split.SplitRatios;
import dev.sommelier.tasks.eval.RankThresholds;
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
 * evaluation.json} (the same report a {@link TrainJob} gives). A part is cut with the split and
 * seed the model was trained with unless told otherwise, so {@code part = TEST} on the training
 * data reproduces the training run's test numbers; for integer targets the rank cut points tuned
 * during training are used.
 */
public final class EvaluateJob {

  /** Key of the tuned rank cut points in a model card's info. */
  static final String RANK_THRESHOLDS = "rankThresholds";
  /** Key of the number of validation samples they were tuned on. */
  static final String RANK_VALIDATION_SAMPLES = "rankValidationSamples";

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
    DataSet data = Targets.forTask(s.data().load(), task);
    if (task == TaskKind.CLASSIFICATION && !data.classNames().equals(card.config().classes())) {
      throw new IllegalArgumentException("the data's classes differ from the model's: data "
          + data.classNames() + ", model " + card.config().classes()
          + " (same names in the same order are needed)");
    }
    DataSet chosen = part(data, card);
    LOG.info("evaluating {} on {} {} samples of {}", s.model(), chosen.size(), s.part().label(),
        s.data());
    EvaluationReport report;
    try (TaskModel model = ModelStore.load(s.model(), BackboneRegistry.load(), s.device())) {
      ModelOutputs outputs =
          ModelOutputs.of(model, chosen, s.part().label(), s.batchSize(), s.workers());
      if (task == TaskKind.CLASSIFICATION) {
        report = Evaluator.classification(s.part().label(), outputs, data.classNames());
      } else {
        Object thresholds = info(card).get(RANK_THRESHOLDS);
        Object validation = info(card).get(RANK_VALIDATION_SAMPLES);
        report = Evaluator.regression(s.part().label(), outputs,
            thresholds == null ? null : JobJson.convert(thresholds, RankThresholds.class),
            validation instanceof Number n ? n.intValue() : 0);
      }
    }
    LOG.info("evaluation on {} {} samples: {}", report.samples(), s.part().label(),
        Evaluator.headline(report));
    EvaluateResult result = new EvaluateResult(s.model(), s.data().toString(), s.out(),
        s.out().resolve("evaluation.json"), report);
    JobJson.write(result.report(), result);
    return result;
  }

  /** The samples of the chosen part, split as the model's training run split them by default. */
  private DataSet part(DataSet data, ModelCard card) throws IOException {
    EvaluateSettings s = settings;
    if (s.part() == EvaluateSettings.Part.ALL) {
      return data;
    }
    Map<String, Object> training = training(card);
    SplitRatios ratios = s.split();
    if (ratios == null) {
      Object recorded = training.get("split");
      ratios = recorded instanceof String text && !text.equals("given")
          ? SplitRatios.parse(text) : TrainSettings.DEFAULT_SPLIT;
    }
    long seed = s.seed() != null ? s.seed()
        : training.get("seed") instanceof Number n ? n.longValue() : DEFAULT_SEED;
    Object trainedOn = info(card).get("data");
    if (trainedOn instanceof Map<?, ?> summary && !Objects.equals(summary.get("sha256"),
        DataSummary.of(data, s.data().base()).sha256())) {
      LOG.warn("these data differ from those {} was trained on (another SHA-256 of the sample"
          + " ids), so its {} part is not the training run's", s.model(), s.part().label());
    }
    DataSplits parts = s.data().split(data, ratios, seed);
    return switch (s.part()) {
      case TRAIN -> parts.train();
      case VALIDATION -> parts.validation();
      default -> parts.test();
    };
  }

  private static Map<String, Object> info(ModelCard card) {
    return card.info() == null ? Map.of() : card.info();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> training(ModelCard card) {
    return info(card).get("training") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}
