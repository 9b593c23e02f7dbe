package dev.sommelier.tasks.jobs.train;

import dev.sommelier.backbones.Backbone;
import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.backbones.Preprocessing;
import dev.sommelier.backbones.keras.KerasBackboneWeights;
import dev.sommelier.backbones.keras.PreprocessingChain;
import dev.sommelier.core.Checkpoints;
import dev.sommelier.tasks.data.DataSet;
import dev.sommelier.tasks.data.Sample;
import dev.sommelier.tasks.data.augment.KerasAugmentation;
import dev.sommelier.tasks.data.check.CheckedData;
import dev.sommelier.tasks.data.pipeline.BatchPipeline;
import dev.sommelier.tasks.data.split.DataSplits;
import dev.sommelier.tasks.eval.RankScale;
import dev.sommelier.tasks.eval.RankThresholds;
import dev.sommelier.tasks.jobs.DataSummary;
import dev.sommelier.tasks.jobs.EvaluationReport;
import dev.sommelier.tasks.jobs.Evaluator;
import dev.sommelier.tasks.jobs.JobJson;
import dev.sommelier.tasks.jobs.ModelOutputs;
import dev.sommelier.tasks.jobs.Pipelines;
import dev.sommelier.tasks.jobs.SkippedFiles;
import dev.sommelier.tasks.jobs.Targets;
import dev.sommelier.tasks.model.BackboneWeights;
import dev.sommelier.tasks.model.ModelConfig;
import dev.sommelier.tasks.model.ModelStore;
import dev.sommelier.tasks.model.TaskKind;
import dev.sommelier.tasks.model.TaskModel;
import dev.sommelier.tasks.train.EpochCsvLog;
import dev.sommelier.tasks.train.EpochResult;
import dev.sommelier.tasks.train.FeatureStore;
import dev.sommelier.tasks.train.Monitor;
import dev.sommelier.tasks.train.PipelineBatchSource;
import dev.sommelier.tasks.train.ProgressLog;
import dev.sommelier.tasks.train.Trainer;
import dev.sommelier.tasks.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a model end to end from {@link TrainSettings}: loads and splits the data, trains with
 * progress in the log and {@code epochs.csv}, restores the epoch with the lowest validation loss,
 * evaluates the test part (the validation part when there is none), saves the model to {@code
 * out/model} and writes {@code out/report.json} and the evaluated samples' true and predicted
 * labels to {@code out/test-predictions.csv}; with augmentation, a picture of augmented training
 * images is written first ({@link AugmentedSamples}). An output folder with an unfinished run
 * resumes it from its last checkpoint.
 *
 * <pre>{@code
 * TrainResult r = new TrainJob(settings).run();
 * double accuracy = r.evaluation().classification().accuracy();
 * }</pre>
 */
public final class TrainJob {

  private static final Logger LOG = LoggerFactory.getLogger(TrainJob.class);
  private static final int PROGRESS_EVERY_STEPS = 10;

  private final TrainSettings settings;
  private final List<TrainingListener> listeners = new ArrayList<>();
  private FeatureStore featureStore;

  /** A job for {@code settings}. */
  public TrainJob(TrainSettings settings) {
    this.settings = settings;
  }

  /** Adds a listener to the training run (a GUI's progress bar, a stop button). */
  public TrainJob listen(TrainingListener listener) {
    listeners.add(listener);
    return this;
  }

  /**
   * Shares the backbone features of head-only phases with other runs through {@code store} (a
   * comparison's runs on the same images, backbone, weights and input size; see {@link
   * FeatureKey}).
   */
  public TrainJob shareFeatures(FeatureStore store) {
    this.featureStore = store;
    return this;
  }

  /**
   * Runs the job.
   *
   * @throws IllegalArgumentException for bad input: missing data, labels that do not fit the task,
   *     a head that does not fit it, an unknown backbone, an empty part
   * @throws IOException when the data cannot be read
   */
  public TrainResult run() throws IOException {
    long start = System.nanoTime();
    TrainSettings s = settings;
    BackboneRegistry registry = BackboneRegistry.load();
    Backbone backbone = registry.create(s.backbone(), s.inputSize());
    Path weights = s.backboneWeights().locate(backbone.spec(), registry).orElse(null);
    CheckedData checked = s.data().check(Targets.forTask(s.data().load(), s.task()), s.workers());
    DataSet data = checked.usable();
    DataSplits parts = s.data().split(data, s.split(), s.seed());
    SkippedFiles skipped = SkippedFiles.start(s.out().resolve(SkippedFiles.FILE), checked);
    checkParts(parts, checked);
    DataSummary summary = DataSummary.of(checked, s.data().base(), parts);
    Map<String, Integer> split = new LinkedHashMap<>();
    split.put("train", parts.train().size());
    split.put("validation", parts.validation().size());
    split.put("test", parts.test().size());
    LOG.info("data: {} images used of {} files from {} ({} left out), split {} (train {},"
            + " validation {}, test {})", data.size(), checked.found(), s.data(),
        checked.skipped().size(), s.split() == null ? "given" : s.split(), split.get("train"),
        split.get("validation"), split.get("test"));
    Path out = s.out();
    Path modelDir = out.resolve("model");
    Path epochsCsv = out.resolve("epochs.csv");
    int classes = data.classNames().size();
    // A Keras model that preprocesses in its own layers trained its backbone on that input.
    PreprocessingChain inputLayers = weights == null ? null
        : KerasBackboneWeights.inputLayers(weights, backbone, registry);
    Preprocessing own = inputLayers == null ? null : inputLayers.transform().orElse(null);
    if (inputLayers != null && !inputLayers.augmentation().isEmpty()) {
      logKerasAugmentation(weights, KerasAugmentation.of(inputLayers.augmentation()));
    }
    ModelConfig config = new ModelConfig(s.backbone(), s.inputSize(),
        s.head().spec(s.task(), classes), data.classNames(), s.batchNorm(), s.seed(), own,
        s.head().thresholds().fixed(classes));
    try (TaskModel model = TaskModel.create(config, registry, s.device(), s.precision());
        BatchPipeline train = Pipelines.training(model, parts.train().samples(), s.batchSize(),
            s.augmentation(), s.seed(), s.workers());
        BatchPipeline validation = parts.validation().size() == 0 ? null
            : Pipelines.evaluation(model, parts.validation().samples(), s.batchSize(),
                s.workers())) {
      if (weights != null) {
        BackboneWeights.importInto(model, weights, registry);
      }
      augmentedSamples(train, parts.train().samples(), out.resolve(AugmentedSamples.FILE));
      Trainer trainer = new Trainer(model, s.trainingConfig())
          .listen(new ProgressLog(PROGRESS_EVERY_STEPS)).listen(new EpochCsvLog(epochsCsv));
      listeners.forEach(trainer::listen);
      if (featureStore != null) {
        trainer.shareFeatures(featureStore,
            FeatureKey.of(s, weights, model.preprocessing(), parts.train()));
      }
      List<EpochResult> epochs = trainer.fit(
          new PipelineBatchSource(train, parts.train().size(), config.output()),
          validation == null ? null
              : new PipelineBatchSource(validation, parts.validation().size(), config.output()),
          out);
      if (epochs.isEmpty()) {
        throw new IllegalStateException("training in " + out + " was stopped before its first"
            + " epoch ended; there is no trained model to evaluate or save");
      }
      // Without validation data the last weights are kept.
      int best = validation == null ? epochs.size() : Monitor.LOSS.bestEpoch(epochs);
      if (best != epochs.size()) {
        LOG.info("restoring epoch {}, the lowest validation loss", best);
        Checkpoints.restore(model.runtime(), out.resolve("checkpoints").resolve("best"));
      }
      skipped.add("train", parts.train().size(), train.skipped());
      if (validation != null) {
        skipped.add("validation", parts.validation().size(), validation.skipped());
      }
      Map<String, Object> info = new LinkedHashMap<>();
      EvaluationReport evaluation = evaluate(model, data, parts, info, skipped);
      info.put("training", s.describe());
      info.put("seed", s.seed());
      info.put("data", summary);
      info.put("split", split);
      info.put("skippedFiles", skipped.ids());
      ModelStore.save(model, modelDir, info);
      LOG.info("model saved to {}", modelDir);
      TrainResult result = new TrainResult(out, modelDir, out.resolve("report.json"), epochsCsv,
          s.describe(), summary, split, epochs, best, evaluation, skipped.ids(),
          imagesPerSecond(epochs), (System.nanoTime() - start) / 1e9);
      JobJson.write(result.report(), result);
      return result;
    }
  }

  /**
   * Evaluates the test part, or the validation part without one, and writes its predictions; for
   * integer targets, tunes rank cut points on the validation part and records them in {@code info}.
   * Images the pipelines could not read are added to {@code skipped}.
   */
  private EvaluationReport evaluate(TaskModel model, DataSet data, DataSplits parts,
      Map<String, Object> info, SkippedFiles skipped) {
    TrainSettings s = settings;
    boolean test = parts.test().size() > 0;
    String part = test ? "test" : "validation";
    DataSet evaluated = test ? parts.test() : parts.validation();
    ModelOutputs outputs = ModelOutputs.of(model, evaluated, part, s.batchSize(), s.workers());
    skipped.add(part, evaluated.size(), outputs.skipped());
    if (s.task() == TaskKind.MULTILABEL && s.head().thresholds().tune()) {
      ModelOutputs validation = test ? ModelOutputs.of(model, parts.validation(), "validation",
          s.batchSize(), s.workers()) : outputs;
      model.decideAt(Evaluator.tuneLabels(validation, data.classNames().size()));
      LOG.info("label thresholds tuned on {} validation samples: {}", validation.ids().size(),
          model.config().thresholds());
    }
    TestPredictionCsv.write(s.out().resolve(TestPredictionCsv.FILE), outputs,
        model.config().output());
    EvaluationReport report;
    if (s.task() == TaskKind.CLASSIFICATION) {
      report = Evaluator.classification(part, outputs, data.classNames());
    } else if (s.task() == TaskKind.MULTILABEL) {
      report = Evaluator.multiLabel(part, outputs, data.classNames(),
          model.config().thresholds());
    } else {
      RankScale scale = Evaluator.rankScale(data);
      RankThresholds thresholds = null;
      int validationSamples = 0;
      if (scale != null && parts.validation().size() > 0) {
        ModelOutputs validation = test ? ModelOutputs.of(model, parts.validation(), "validation",
            s.batchSize(), s.workers()) : outputs;
        skipped.add("validation", parts.validation().size(), validation.skipped());
        thresholds = Evaluator.tune(scale, validation);
        validationSamples = validation.ids().size();
        info.put(Evaluator.RANK_THRESHOLDS, thresholds);
        info.put(Evaluator.RANK_VALIDATION_SAMPLES, validationSamples);
      }
      report = Evaluator.regression(part, outputs, thresholds, validationSamples);
    }
    LOG.info("evaluation on {} {} samples: {}", report.samples(), part,
        Evaluator.headline(report));
    return report;
  }

  /**
   * Writes the picture of the augmentation before training starts; without augmentation, removes
   * the picture an earlier run in the same folder may have left.
   */
  private void augmentedSamples(BatchPipeline train, List<Sample> samples, Path file)
      throws IOException {
    if (!train.augments()) {
      Files.deleteIfExists(file);
    } else if (AugmentedSamples.write(train, samples, file)) {
      LOG.info("augmentation {}: samples in {}", settings.augmentation(), file);
    }
  }

  /**
   * Says what the Keras model's own {@code Random*} layers are in Sommelier's terms. They are not
   * switched on behind the user's back: the run augments as its settings say.
   */
  private void logKerasAugmentation(Path weights, KerasAugmentation keras) {
    LOG.info("{} augments its training images in its own layers; Sommelier's equivalent is"
            + " --augment {}{} (this run: --augment {})", weights,
        keras.config(), keras.unmatched().isEmpty() ? ""
            : " (no equivalent for " + keras.unmatched() + ")", settings.augmentation());
  }

  private void checkParts(DataSplits parts, CheckedData checked) {
    String unreadable = checked.skipped().isEmpty() ? "" : " (" + checked.skipped().size()
        + " of the " + checked.found() + " files cannot be decoded: see "
        + settings.out().resolve(SkippedFiles.FILE) + ")";
    if (parts.train().size() == 0) {
      throw new IllegalArgumentException("the train part is empty: nothing to train on"
          + unreadable);
    }
    if (parts.validation().size() == 0 && parts.test().size() == 0) {
      throw new IllegalArgumentException(
          "the validation and test parts are both empty: nothing to evaluate on" + unreadable);
    }
  }

  private static double imagesPerSecond(List<EpochResult> epochs) {
    double images = 0;
    double seconds = 0;
    for (EpochResult e : epochs) {
      images += e.imagesPerSecond() * e.seconds();
      seconds += e.seconds();
    }
    return seconds > 0 ? images / seconds : 0;
  }
}
