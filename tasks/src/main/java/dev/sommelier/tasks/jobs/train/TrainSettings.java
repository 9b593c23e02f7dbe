package dev.sommelier.tasks.jobs.train;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.core.Device;
import dev.sommelier.core.Precision;
import dev.sommelier.core.layers.BatchNormMode;
import dev.sommelier.tasks.data.augment.AugmentationConfig;
import dev.sommelier.tasks.data.source.DataSource;
import dev.sommelier.tasks.data.split.SplitRatios;
import dev.sommelier.tasks.model.TaskKind;
import dev.sommelier.tasks.train.LearningRateSchedule;
import dev.sommelier.tasks.train.OptimizerKind;
import dev.sommelier.tasks.train.TrainScope;
import dev.sommelier.tasks.train.TrainingConfig;
import dev.sommelier.tasks.train.TrainingPhase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a {@link TrainJob} needs, each with a default except the data and the output folder.
 * Build with {@link #builder}:
 *
 * <pre>{@code
 * TrainSettings s = TrainSettings.builder(DataSource.folder(Path.of("shapes")), Path.of("runs/1"))
 *     .backbone("mobilenet_v1:alpha=0.25").epochs(5).fineTune(FineTune.parse("last-2:3")).build();
 * }</pre>
 *
 * @param data where images and labels come from
 * @param task classification or regression (default: what the data's labels are)
 * @param split train:validation[:test] ratios (default 6:4); null for data that come split
 * @param seed seed of the split, initial weights, dropout, shuffles, augmentation (default 42)
 * @param backbone registered backbone with options (default {@code mobilenet_v1})
 * @param backboneWeights where the backbone's weights start: seeded random ({@link
 *     InitialWeights#NONE}, the default), ImageNet ({@link InitialWeights#IMAGENET}) or a Keras
 *     model or weight file of the same backbone (an official ImageNet file from {@code
 *     ~/.keras/models}, a {@code .h5}, {@code .keras} or SavedModel exported from Python)
 * @param inputSize square input size (default: the backbone provider's {@link
 *     dev.sommelier.backbones.BackboneProvider#trainingInputSize})
 * @param head the head (default: softmax with dropout 0.5, or the regressor with 8 hidden units)
 * @param optimizer the update rule (default sgd)
 * @param learningRate the first phase's rate (default 0.001)
 * @param schedule the rate per epoch within a phase (default constant)
 * @param epochs epochs of the first phase (default 10)
 * @param batchSize images per step (default 32)
 * @param scope what the first phase trains (default: the head)
 * @param fineTune a second phase (by default at a tenth of the rate), or null for one phase;
 *     needs scope head
 * @param batchNorm batch-norm behaviour in training steps (default frozen)
 * @param preciseBn training images over which batch norm's moving statistics are recomputed
 *     before each validation and checkpoint when batch norm trains ({@link
 *     TrainingConfig#preciseBnImages}); 0 = never (default {@value
 *     TrainingConfig#DEFAULT_PRECISE_BN_IMAGES})
 * @param augmentation how training images are augmented (default {@link
 *     AugmentationConfig#NONE}; {@link AugmentationConfig#DEFAULT} is the mild set for photos)
 * @param patience epochs without improvement before stopping early; 0 = never (default)
 * @param workers threads decoding and augmenting images (default: available processors)
 * @param device where the graph runs (default cpu)
 * @param precision what the graph computes in (default fp32); mixed is bfloat16 on a CPU with
 *     AVX512_BF16 or AMX and float16 with dynamic loss scaling on a GPU, float32 elsewhere (see
 *     {@link dev.sommelier.core.MixedPrecision}); variables and the saved model stay float32
 * @param out the output folder: {@code model/}, {@code report.json}, {@code epochs.csv}, {@code
 *     checkpoints/}
 */
public record TrainSettings(
    DataSource data,
    TaskKind task,
    SplitRatios split,
    long seed,
    String backbone,
    InitialWeights backboneWeights,
    int inputSize,
    HeadOptions head,
    OptimizerKind optimizer,
    float learningRate,
    LearningRateSchedule schedule,
    int epochs,
    int batchSize,
    TrainScope scope,
    FineTune fineTune,
    BatchNormMode batchNorm,
    int preciseBn,
    AugmentationConfig augmentation,
    int patience,
    int workers,
    Device device,
    Precision precision,
    Path out) {

  /** Default split: 60% train, 40% validation. */
  public static final SplitRatios DEFAULT_SPLIT = SplitRatios.of(6, 4);

  /** Checks that the settings fit together. */
  public TrainSettings {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(augmentation, "augmentation");
    Objects.requireNonNull(backboneWeights, "backboneWeights");
    Objects.requireNonNull(precision, "precision");
    if (data.presplit() != (split == null)) {
      throw new IllegalArgumentException(data.presplit()
          ? "the data come split in train/val/test folders; a split ratio does not apply"
          : "split ratios are needed for data that do not come split");
    }
    if (split != null && split.size() < 2) {
      throw new IllegalArgumentException("split " + split
          + " has no validation part; use train:validation or train:validation:test, e.g. 6:4");
    }
    if (inputSize < 1 || epochs < 1 || batchSize < 1 || workers < 1) {
      throw new IllegalArgumentException("input size, epochs, batch size and workers must be >= 1,"
          + " got " + inputSize + ", " + epochs + ", " + batchSize + ", " + workers);
    }
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("the learning rate must be > 0, got " + learningRate);
    }
    if (patience < 0) {
      throw new IllegalArgumentException("patience must be >= 0, got " + patience);
    }
    if (preciseBn < 0) {
      throw new IllegalArgumentException(
          "precise BN's images (batch norm's recalibration) must be >= 0, 0 = off; got "
              + preciseBn);
    }
    if (fineTune != null && !scope.headOnly()) {
      throw new IllegalArgumentException("two-phase training starts with the head alone; the first"
          + " phase's scope is " + scope + ", not head");
    }
  }

  /** Settings for {@code data}, written under {@code out}, everything else at its default. */
  public static Builder builder(DataSource data, Path out) {
    return new Builder(data, out);
  }

  /**
   * The default input size of {@code backbone} (with or without options): its provider's {@link
   * dev.sommelier.backbones.BackboneProvider#trainingInputSize}.
   *
   * @throws IllegalArgumentException for an unknown backbone, listing the known ones
   */
  public static int defaultInputSize(String backbone) {
    return BackboneRegistry.load().providerOf(backbone).trainingInputSize();
  }

  /**
   * The training phases: the first, and the fine-tuning one if set (by default at a tenth of the
   * rate).
   */
  public TrainingConfig trainingConfig() {
    List<TrainingPhase> phases = new ArrayList<>();
    phases.add(new TrainingPhase(scope, optimizer, learningRate, epochs));
    if (fineTune != null) {
      phases.add(
          new TrainingPhase(fineTune.scope(), optimizer, fineTune.rate(learningRate),
              fineTune.epochs()));
    }
    return new TrainingConfig(phases, schedule, patience, true, preciseBn);
  }

  /** The settings as the model card and the report record them, in option syntax. */
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("data", data.toString());
    m.put("task", task.name().toLowerCase(Locale.ROOT));
    m.put("split", split == null ? "given" : split.toString());
    m.put("seed", seed);
    m.put("backbone", backbone);
    m.put("backboneWeights",
        backboneWeights == InitialWeights.NONE ? null : backboneWeights.toString());
    m.put("inputSize", inputSize);
    m.put("head", head.type());
    m.put("hidden", head.hidden());
    m.put("dropout", head.dropout());
    m.put("pooling", head.pooling().name().toLowerCase(Locale.ROOT));
    m.put("optimizer", optimizer.name().toLowerCase(Locale.ROOT));
    m.put("learningRate", learningRate);
    m.put("schedule", scheduleText(schedule));
    m.put("epochs", epochs);
    m.put("batchSize", batchSize);
    m.put("scope", scope.toString());
    m.put("fineTune", fineTune == null ? null : fineTune.toString());
    m.put("batchNorm", batchNorm.name().toLowerCase(Locale.ROOT));
    m.put("preciseBn", preciseBn);
    m.put("augment", augmentation.toString());
    m.put("patience", patience);
    m.put("workers", workers);
    m.put("device", device.toString());
    m.put("precision", precision.key());
    m.put("out", out.toString());
    return m;
  }

  /** {@code step:5:0.1}: a schedule as {@link LearningRateSchedule#parse} reads it. */
  static String scheduleText(LearningRateSchedule s) {
    if (s instanceof LearningRateSchedule.Step step) {
      return "step:" + step.every() + ":" + step.factor();
    }
    if (s instanceof LearningRateSchedule.ReduceOnPlateau p) {
      return "plateau:" + p.patience() + ":" + p.factor();
    }
    return s instanceof LearningRateSchedule.Cosine ? "cosine" : "constant";
  }

  /** Collects settings; {@link #build} fills in the defaults that depend on others. */
  public static final class Builder {
    private final DataSource data;
    private final Path out;
    private TaskKind task;
    private SplitRatios split;
    private long seed = 42;
    private String backbone = "mobilenet_v1";
    private InitialWeights backboneWeights = InitialWeights.NONE;
    private int inputSize;
    private HeadOptions head;
    private OptimizerKind optimizer = OptimizerKind.SGD;
    private float learningRate = 0.001f;
    private LearningRateSchedule schedule = new LearningRateSchedule.Constant();
    private int epochs = 10;
    private int batchSize = 32;
    private TrainScope scope = TrainScope.HEAD;
    private FineTune fineTune;
    private BatchNormMode batchNorm = BatchNormMode.FROZEN;
    private int preciseBn = TrainingConfig.DEFAULT_PRECISE_BN_IMAGES;
    private AugmentationConfig augmentation = AugmentationConfig.NONE;
    private int patience;
    private int workers = Runtime.getRuntime().availableProcessors();
    private Device device = Device.CPU;
    private Precision precision = Precision.FP32;

    private Builder(DataSource data, Path out) {
      this.data = Objects.requireNonNull(data, "data");
      this.out = Objects.requireNonNull(out, "out");
    }

    /** Classification or regression (default: what the data's labels are). */
    public Builder task(TaskKind task) {
      this.task = task;
      return this;
    }

    /** Split ratios (default 6:4; none for data that come split). */
    public Builder split(SplitRatios split) {
      this.split = split;
      return this;
    }

    /** The seed of everything random (default 42). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** A registered backbone with options (default {@code mobilenet_v1}). */
    public Builder backbone(String backbone) {
      this.backbone = backbone;
      return this;
    }

    /**
     * Where the backbone's weights start: {@link InitialWeights#IMAGENET}, {@link
     * InitialWeights#file} or {@link InitialWeights#NONE} (default: none, seeded random).
     */
    public Builder backboneWeights(InitialWeights weights) {
      this.backboneWeights = Objects.requireNonNull(weights, "weights");
      return this;
    }

    /** Square input size; 0 for the backbone's default. */
    public Builder inputSize(int inputSize) {
      this.inputSize = inputSize;
      return this;
    }

    /** The head (default: the task's). */
    public Builder head(HeadOptions head) {
      this.head = head;
      return this;
    }

    /** The optimizer (default sgd). */
    public Builder optimizer(OptimizerKind optimizer) {
      this.optimizer = optimizer;
      return this;
    }

    /** The first phase's learning rate (default 0.001). */
    public Builder learningRate(float learningRate) {
      this.learningRate = learningRate;
      return this;
    }

    /** The learning-rate schedule (default constant). */
    public Builder schedule(LearningRateSchedule schedule) {
      this.schedule = schedule;
      return this;
    }

    /** Epochs of the first phase (default 10). */
    public Builder epochs(int epochs) {
      this.epochs = epochs;
      return this;
    }

    /** Images per step (default 32). */
    public Builder batchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    /** What the first phase trains (default head). */
    public Builder scope(TrainScope scope) {
      this.scope = scope;
      return this;
    }

    /** A fine-tuning phase after the head phase, or null for none (default). */
    public Builder fineTune(FineTune fineTune) {
      this.fineTune = fineTune;
      return this;
    }

    /** Batch-norm behaviour in training (default frozen). */
    public Builder batchNorm(BatchNormMode batchNorm) {
      this.batchNorm = batchNorm;
      return this;
    }

    /**
     * Training images over which batch norm's moving statistics are recomputed when it trains;
     * 0 = never (default {@value TrainingConfig#DEFAULT_PRECISE_BN_IMAGES}).
     */
    public Builder preciseBn(int images) {
      this.preciseBn = images;
      return this;
    }

    /** How to augment training images (default: not at all). */
    public Builder augmentation(AugmentationConfig augmentation) {
      this.augmentation = augmentation;
      return this;
    }

    /** Early-stopping patience in epochs; 0 = never stop early (default). */
    public Builder patience(int patience) {
      this.patience = patience;
      return this;
    }

    /** Data worker threads (default: available processors). */
    public Builder workers(int workers) {
      this.workers = workers;
      return this;
    }

    /** The device (default cpu). */
    public Builder device(Device device) {
      this.device = device;
      return this;
    }

    /** What the graph computes in (default fp32). */
    public Builder precision(Precision precision) {
      this.precision = precision;
      return this;
    }

    /**
     * The settings, with the defaults that depend on other settings filled in.
     *
     * @throws IllegalArgumentException when settings do not fit together or the backbone is
     *     unknown
     */
    public TrainSettings build() {
      TaskKind t = task != null ? task : TaskKind.defaultFor(data.kind());
      SplitRatios s = split != null || data.presplit() ? split : DEFAULT_SPLIT;
      int size = inputSize > 0 ? inputSize : defaultInputSize(backbone);
      HeadOptions h = head != null ? head : HeadOptions.defaultFor(t);
      return new TrainSettings(data, t, s, seed, backbone, backboneWeights, size, h, optimizer,
          learningRate, schedule, epochs, batchSize, scope, fineTune, batchNorm, preciseBn,
          augmentation, patience, workers, device, precision, out);
    }
  }
}
