package dev.sommelier.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sommelier.core.Precision;
import dev.sommelier.core.layers.BatchNormMode;
import dev.sommelier.heads.Pooling;
import dev.sommelier.tasks.data.augment.AugmentationConfig;
import dev.sommelier.tasks.data.source.DataSource;
import dev.sommelier.tasks.data.split.SplitRatios;
import dev.sommelier.tasks.jobs.JobJson;
import dev.sommelier.tasks.jobs.SkippedFiles;
import dev.sommelier.tasks.jobs.train.FineTune;
import dev.sommelier.tasks.jobs.train.HeadOptions;
import dev.sommelier.tasks.jobs.train.LabelThresholds;
import dev.sommelier.tasks.jobs.train.InitialWeights;
import dev.sommelier.tasks.jobs.train.TrainJob;
import dev.sommelier.tasks.jobs.train.TrainResult;
import dev.sommelier.tasks.jobs.train.TrainSettings;
import dev.sommelier.tasks.model.TaskKind;
import dev.sommelier.tasks.train.EpochResult;
import dev.sommelier.tasks.train.LearningRateSchedule;
import dev.sommelier.tasks.train.OptimizerKind;
import dev.sommelier.tasks.train.TrainScope;
import dev.sommelier.tools.config.ConfigOption;
import dev.sommelier.tools.config.SaveConfigOption;
import dev.sommelier.tools.report.RunReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sommelier train}: a classifier or regressor from image files, evaluated on held-out data
 * and saved; every option maps to one {@link TrainSettings} field, and its default is the
 * builder's ({@link TrainDefaults}).
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    defaultValueProvider = TrainDefaults.class,
    modelTransformer = InputSizeFooter.class,
    description = "Trains a classifier or regressor on a backbone: splits the data, trains"
        + " (progress on stderr, one row per epoch in OUT/epochs.csv), evaluates the test part"
        + " (the validation part without one), saves OUT/model and OUT/report.json, and writes"
        + " the run's HTML report with plots, OUT/report/index.html. An OUT with an unfinished run"
        + " resumes it: the same command again continues after the last finished epoch and ends"
        + " as the uninterrupted run would have. Every image is decoded once before the split:"
        + " files that do not decode are left out of every part and listed in"
        + " OUT/skipped-files.csv.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  sommelier train --folder data/shapes --out runs/shapes",
      "  sommelier train --folder data/guitars --split 6:2:2 \\",
      "      --backbone resnet50 --weights imagenet \\",
      "      --optimizer adam --lr 0.001 --epochs 5 --fine-tune last-2:5 --augment \\",
      "      --out runs/guitars",
      "  sommelier train --csv-values data/cucumbers/values.csv \\",
      "      --head regressor --hidden 16 --out runs/cucumbers --json",
      "  sommelier train --split-folders data/flowers \\",
      "      --backbone mobilenet_v1:alpha=0.5 --input-size 160 --patience 3 \\",
      "      --out runs/flowers",
      "  sommelier train --folder data/shapes --epochs 20 --out runs/shapes \\",
      "      --save-config runs/shapes.yaml",
      "  sommelier train --config runs/shapes.yaml --lr 0.01 --out runs/shapes-lr",
      "  sommelier train --folder data/logos --augment flip,affine:0.3,cutout:0.2 \\",
      "      --out runs/logos",
      "",
      InputSizeFooter.LINE,
      "",
      "Augmentation operations (--augment): range at strength 1, (default strength);",
      "* = in the default set:",
      "  flip *       mirror left to right",
      "  vflip        mirror top to bottom",
      "  affine *     rotate +-30 deg, shift and zoom +-20 %%, shear +-10 deg, border",
      "               pixels repeated outwards (0.25: +-7.5 deg, +-5 %%)",
      "  brightness * shift by up to +-50 %% of full scale (0.2: +-10 %%)",
      "  contrast *   scale about the mean by 0 to 2 (0.2: 0.8 to 1.2)",
      "  cutout       a mean-colour rectangle, sides up to the image's (0.25: 25 %%)",
      "  salt-pepper  up to 10 %% of the pixels black or white (0.2: 2 %%)"
    })
final class TrainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ConfigOption config;

  @Mixin SaveConfigOption saveConfig;

  @Mixin DataOptions data;

  @Option(names = "--task", paramLabel = "TASK",
      description = "classification or regression (default: classification for classes,"
          + " regression for values; classes named 1, 2, ... can be regressed).")
  String task;

  @Option(names = "--split", paramLabel = "RATIOS",
      description = "train:validation[:test] ratios (default: 6:4; none for --split-folders).")
  String split;

  @Option(names = "--seed", paramLabel = "S",
      description = "Seed of the split, weights, dropout, shuffles (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--backbone", paramLabel = "NAME",
      description = "A registered backbone with options (default: ${DEFAULT-VALUE}).")
  String backbone;

  @Option(names = "--weights", paramLabel = "none|imagenet|FILE",
      converter = Cli.WeightsConverter.class,
      description = "Where the backbone's weights start: none (seeded random), imagenet (built in"
          + " for mobilenet_v1:alpha=0.25, else Keras's download cache ~/.keras/models or"
          + " $KERAS_HOME/models), or a Keras model or weight file of the same backbone (.h5,"
          + " .keras or SavedModel) (default: ${DEFAULT-VALUE}).")
  InitialWeights weights;

  @Option(names = "--input-size", paramLabel = "N",
      description = "Square input size (default: per backbone, see below).")
  Integer inputSize;

  @Option(names = "--head", paramLabel = "TYPE",
      description = "softmax, regressor, multilabel or mlp (default: softmax; regressor for"
          + " regression; multilabel for --csv-labels).")
  String head;

  @Option(names = "--positive-weights", paramLabel = "W", split = ",",
      description = "Multi-label: loss weight of each label's positive targets, one for all or"
          + " one per label in natural order (default 1), to make rare labels count.")
  List<Float> positiveWeights;

  @Option(names = "--thresholds", paramLabel = "tune|P[,P...]",
      description = "Multi-label: the probability at which a label counts as present, one for"
          + " all or one per label, or tune (each label's best F1 on the validation part);"
          + " stored in model.json (default 0.5).")
  String thresholds;

  @Option(names = "--hidden", paramLabel = "N", split = ",",
      description = "Hidden widths: one for the regressor (default 8), any for mlp (default 128).")
  List<Integer> hidden;

  @Option(names = "--dropout", paramLabel = "P",
      description = "Dropout of the softmax and mlp heads (default: 0.5).")
  Float dropout;

  @Option(names = "--pooling", paramLabel = "gap|flatten",
      description = "How softmax and regressor heads pool the features (default: gap).")
  String pooling;

  @Option(names = "--optimizer", paramLabel = "NAME",
      description = "sgd, momentum, nesterov or adam (default: ${DEFAULT-VALUE}).")
  String optimizer;

  @Option(names = "--lr", paramLabel = "RATE",
      description = "Learning rate (default: ${DEFAULT-VALUE}).")
  float learningRate;

  @Option(names = "--schedule", paramLabel = "SCHEDULE",
      description = "constant, cosine, step:EVERY:FACTOR or plateau:PATIENCE:FACTOR"
          + " (default: ${DEFAULT-VALUE}).")
  String schedule;

  @Option(names = "--epochs", paramLabel = "N",
      description = "Epochs (of the first phase with --fine-tune) (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--batch", paramLabel = "N",
      description = "Images per step (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--scope", paramLabel = "SCOPE",
      description = "What trains: head, last-N (blocks) or all (default: ${DEFAULT-VALUE}).")
  String scope;

  @Option(names = "--fine-tune", paramLabel = "SCOPE:EPOCHS[:RATE]",
      description = "Two phases: after the head, train SCOPE (last-N or all) for EPOCHS more"
          + " epochs at RATE (default: a tenth of --lr), e.g. last-2:5 or last-6:10:1e-4"
          + " (default: none, one phase).")
  String fineTune;

  @Option(names = "--batch-norm", paramLabel = "MODE",
      description = "Batch norm in training: frozen or training (default: ${DEFAULT-VALUE}).")
  String batchNorm;

  @Option(names = "--precise-bn", paramLabel = "N",
      description = "With --batch-norm training: before each validation and checkpoint, recompute"
          + " batch norm's moving statistics on N training images (the first of the seeded"
          + " shuffle, not augmented), so that validation and the saved model use statistics of"
          + " the current weights instead of moving averages that trail them; 0 = off"
          + " (default: ${DEFAULT-VALUE}).")
  int preciseBn;

  @Option(names = "--augment", paramLabel = "OPS", arity = "0..1", fallbackValue = "default",
      converter = Cli.AugmentationConverter.class,
      description = "Augment training images. Alone: the default set, mild enough for photos"
          + " (flip,affine,brightness,contrast). Or name operations (see below), each with an"
          + " optional :STRENGTH in [0,1] and @PROBABILITY (default 0.5), e.g."
          + " flip,affine:0.3,cutout:0.2 or default,vflip; none or false for none. Writes"
          + " OUT/augmented-samples.png: a few training images as the first epochs see them"
          + " (default: ${DEFAULT-VALUE}).")
  AugmentationConfig augment;

  @Option(names = "--patience", paramLabel = "N",
      description = "Stop after N epochs without a lower validation loss; 0 = never"
          + " (default: ${DEFAULT-VALUE}).")
  int patience;

  @Option(names = "--workers", paramLabel = "N",
      description = "Threads decoding images (default: the number of processors).")
  Integer workers;

  @Mixin DeviceOption deviceOption;

  @Option(names = "--precision", paramLabel = "fp32|mixed",
      converter = Cli.PrecisionConverter.class,
      description = "What the graph computes in: fp32, or mixed (bfloat16 on a CPU with"
          + " AVX512_BF16 or AMX, float16 with dynamic loss scaling on a GPU; float32 with a"
          + " logged reason elsewhere). Weights and the saved model stay float32"
          + " (default: ${DEFAULT-VALUE}).")
  Precision precision;

  @Option(names = "--out", paramLabel = "DIR", required = true,
      description = "Output folder: model/, report.json, report/, epochs.csv,"
          + " test-predictions.csv, checkpoints/.")
  Path out;

  @Option(names = "--json", description = "Print the result as JSON instead of a summary.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    TrainSettings s = settings();
    saveConfig.save(spec);
    TrainResult result = new TrainJob(s).run();
    Path page = report(result.out());
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      ObjectNode tree = (ObjectNode) JobJson.tree(result);
      tree.put("reportPage", page.toString());
      Cli.printJson(o, tree);
    } else {
      print(o, result, page);
    }
    o.flush();
    return 0;
  }

  /** The settings the options describe (package-private for tests). */
  TrainSettings settings() {
    DataSource source = data.source();
    TaskKind t = task == null ? TaskKind.defaultFor(source.kind())
        : Choices.parse(TaskKind.class, task, "task");
    TrainSettings.Builder b = TrainSettings.builder(source, out)
        .task(t)
        .seed(seed)
        .backbone(backbone)
        .backboneWeights(initialWeights())
        .inputSize(inputSize == null ? 0 : inputSize)
        .head(head(t))
        .optimizer(OptimizerKind.parse(optimizer))
        .learningRate(learningRate)
        .schedule(LearningRateSchedule.parse(schedule))
        .epochs(epochs)
        .batchSize(batch)
        .scope(TrainScope.parse(scope))
        .fineTune(fineTune == null ? null : FineTune.parse(fineTune))
        .batchNorm(Choices.parse(BatchNormMode.class, batchNorm, "batch-norm mode"))
        .preciseBn(preciseBn)
        .augmentation(augment)
        .patience(patience)
        .device(deviceOption.device())
        .precision(precision);
    if (split != null) {
      b.split(SplitRatios.parse(split));
    }
    if (workers != null) {
      b.workers(workers);
    }
    return b.build();
  }

  private InitialWeights initialWeights() {
    if (weights instanceof InitialWeights.File f) {
      Cli.kerasModel(f.path());
    }
    return weights;
  }

  private HeadOptions head(TaskKind t) {
    HeadOptions d = head == null ? HeadOptions.defaultFor(t) : HeadOptions.of(head);
    return new HeadOptions(d.type(), dropout == null ? d.dropout() : dropout,
        hidden == null ? d.hidden() : hidden,
        pooling == null ? d.pooling() : Choices.parse(Pooling.class, pooling, "pooling"),
        positiveWeights == null ? List.of() : positiveWeights,
        thresholds == null ? LabelThresholds.DEFAULT : LabelThresholds.parse(thresholds));
  }

  /** Writes the run's report; when that fails, the trained run stays and the error says so. */
  private static Path report(Path out) throws IOException {
    try {
      return RunReport.write(out).index();
    } catch (IOException | RuntimeException e) {
      throw new IOException("the run in " + out + " is complete, but its report failed ("
          + e.getMessage() + "); write it with 'sommelier report --run " + out + "'", e);
    }
  }

  private static void print(PrintWriter o, TrainResult r, Path page) {
    EpochResult last = r.lastEpoch();
    Path skipped = r.out().resolve(SkippedFiles.FILE);
    DataText.print(o, r.data(), r.evaluation().classification() != null ? "class" : "value",
        skipped);
    o.printf(Locale.ROOT, "Trained %s (%sx%s), %s head, on %d images: %d epochs, weights of"
            + " epoch %d; %.1f train images/s, %.1f s in all%n",
        r.settings().get("backbone"), r.settings().get("inputSize"), r.settings().get("inputSize"),
        r.settings().get("head"), r.split().get("train"), r.epochs().size(), r.bestEpoch(),
        r.trainImagesPerSecond(), r.seconds());
    String metric = r.evaluation().classification() != null ? "accuracy"
        : r.evaluation().labels() != null ? "micro F1" : "MAE";
    o.printf(Locale.ROOT, "Last epoch: loss %.4f, %s %.4f; validation loss %.4f, %s %.4f%n",
        last.loss(), metric, last.metric(), last.valLoss(), metric, last.valMetric());
    EvaluationText.print(o, r.evaluation());
    o.println();
    o.println("Model:   " + r.model());
    o.println("Report:  " + page);
    o.println("Results: " + r.report());
    o.println("Epochs:  " + r.epochsCsv());
    int late = r.skippedFiles().size() - r.data().skipped();
    if (late > 0) {
      o.println(late + " more image(s) could not be read during the run (changed on disk?):"
          + " listed in " + skipped);
    }
  }
}
