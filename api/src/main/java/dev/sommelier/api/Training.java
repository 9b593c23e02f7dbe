package dev.sommelier.api;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.core.Device;
import dev.sommelier.core.Precision;
import dev.sommelier.tasks.data.augment.AugmentationConfig;
import dev.sommelier.tasks.data.source.DataSource;
import dev.sommelier.tasks.jobs.train.FineTune;
import dev.sommelier.tasks.jobs.train.InitialWeights;
import dev.sommelier.tasks.jobs.train.TrainJob;
import dev.sommelier.tasks.jobs.train.TrainResult;
import dev.sommelier.tasks.jobs.train.TrainSettings;
import dev.sommelier.tasks.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A training run described by a few named choices, every other setting at the default of {@code
 * sommelier train} ({@link TrainSettings.Builder}, the one place those defaults are kept). Two
 * choices differ from the launcher's, so that a first run learns from ImageNet without a download:
 * the backbone is {@value #DEFAULT_BACKBONE}, whose official Keras ImageNet weights ship inside the
 * backbones jar, and the backbone starts from its ImageNet weights whenever Keras publishes some
 * for it (for ResNet and other MobileNet widths they are read from Keras's download cache, {@code
 * ~/.keras/models/}, and their absence is an error saying how to fetch them), from seeded random
 * weights otherwise.
 *
 * <p>Immutable and so safe to share: every method returns a changed copy. {@link #run} starts the
 * run in the calling thread; an output folder with an unfinished run resumes it.
 *
 * <pre>{@code
 * TrainResult run = Sommelier.train(Path.of("photos"), Path.of("runs/photos"))
 *     .inputSize(224)
 *     .epochs(10)
 *     .fineTune("last-6:10:1e-4")
 *     .augment(true)
 *     .with(b -> b.optimizer(OptimizerKind.ADAM).learningRate(0.02f))
 *     .run();
 * System.out.println(run.evaluation().classification().accuracy() + ", model in " + run.model());
 * }</pre>
 */
public final class Training {

  /** The backbone unless one is chosen: MobileNetV1 at width 0.25, ImageNet weights built in. */
  public static final String DEFAULT_BACKBONE = "mobilenet_v1:alpha=0.25";

  private final DataSource data;
  private final Path out;
  private final String backbone;
  private final InitialWeights weights;
  private final List<Consumer<TrainSettings.Builder>> choices;

  private Training(DataSource data, Path out, String backbone, InitialWeights weights,
      List<Consumer<TrainSettings.Builder>> choices) {
    this.data = Objects.requireNonNull(data, "data");
    this.out = Objects.requireNonNull(out, "out");
    this.backbone = Objects.requireNonNull(backbone, "backbone");
    this.weights = weights;
    this.choices = List.copyOf(choices);
  }

  static Training of(DataSource data, Path out) {
    return new Training(data, out, DEFAULT_BACKBONE, null, List.of());
  }

  /**
   * Trains on {@code backbone}, a registered backbone with options ({@code resnet50}, {@code
   * mobilenet_v1:alpha=0.5}, {@code simple_cnn}, ...); its ImageNet weights are used when Keras
   * publishes some, unless {@link #weights} says otherwise.
   */
  public Training backbone(String backbone) {
    return new Training(data, out, backbone, weights, choices);
  }

  /**
   * Where the backbone's weights start: {@link InitialWeights#IMAGENET}, {@link
   * InitialWeights#NONE} (seeded random, training from scratch) or {@link InitialWeights#file} (a
   * Keras {@code .h5}, {@code .keras} or SavedModel of the same backbone).
   */
  public Training weights(InitialWeights weights) {
    return new Training(data, out, backbone, Objects.requireNonNull(weights, "weights"), choices);
  }

  /** Epochs of the first phase (default 10). */
  public Training epochs(int epochs) {
    return with(b -> b.epochs(epochs));
  }

  /** The square input size in pixels (default: the backbone's training size, 192 for MobileNet). */
  public Training inputSize(int pixels) {
    return with(b -> b.inputSize(pixels));
  }

  /**
   * A fine-tuning phase after the head's, as {@code --fine-tune} reads it: {@code last-6:10} (the
   * last six blocks for ten epochs at a tenth of the rate) or {@code last-6:10:1e-4}.
   *
   * @throws IllegalArgumentException for text that is not such a phase
   */
  public Training fineTune(String phase) {
    FineTune parsed = FineTune.parse(phase);
    return with(b -> b.fineTune(parsed));
  }

  /** The mild augmentation for photos ({@link AugmentationConfig#DEFAULT}) on, or off (default). */
  public Training augment(boolean on) {
    AugmentationConfig config = on ? AugmentationConfig.DEFAULT : AugmentationConfig.NONE;
    return with(b -> b.augmentation(config));
  }

  /** The seed of the split, initial weights, shuffles, augmentation and dropout (default 42). */
  public Training seed(long seed) {
    return with(b -> b.seed(seed));
  }

  /** Where training runs (default the CPU). */
  public Training device(Device device) {
    return with(b -> b.device(device));
  }

  /**
   * What training computes in (default {@link Precision#FP32}): {@link Precision#MIXED} is
   * bfloat16 on a CPU with AVX512_BF16 or AMX, float16 on a GPU, float32 with a logged reason
   * elsewhere. The saved model stays float32.
   */
  public Training precision(Precision precision) {
    return with(b -> b.precision(precision));
  }

  /**
   * Any other setting, on the launcher's builder: {@code with(b -> b.optimizer(OptimizerKind.ADAM)
   * .learningRate(0.02f))}. Applied after the named choices, in the order given, so it can also
   * override them.
   */
  public Training with(Consumer<TrainSettings.Builder> more) {
    List<Consumer<TrainSettings.Builder>> all = new ArrayList<>(choices);
    all.add(Objects.requireNonNull(more, "more"));
    return new Training(data, out, backbone, weights, all);
  }

  /**
   * The settings the run will use, every default filled in.
   *
   * @throws IllegalArgumentException when choices do not fit together or the backbone is unknown
   */
  public TrainSettings settings() {
    TrainSettings.Builder b = TrainSettings.builder(data, out).backbone(backbone)
        .backboneWeights(weights != null ? weights : defaultWeights(backbone));
    choices.forEach(c -> c.accept(b));
    return b.build();
  }

  /**
   * Trains, evaluates the test part (the validation part when there is none) and saves the model
   * to {@code out/model}, with {@code report.json}, {@code epochs.csv} and checkpoints beside it.
   *
   * @param listeners told of every batch and epoch (a progress bar; a stop flag)
   * @throws IllegalArgumentException for bad input: no images, labels that do not fit, missing
   *     ImageNet weights (saying how to fetch them)
   * @throws IOException when the data cannot be read or the output written
   */
  public TrainResult run(TrainingListener... listeners) throws IOException {
    TrainJob job = new TrainJob(settings());
    for (TrainingListener l : listeners) {
      job.listen(l);
    }
    return job.run();
  }

  private static InitialWeights defaultWeights(String backbone) {
    return BackboneRegistry.load().hasImageNetWeights(backbone) ? InitialWeights.IMAGENET
        : InitialWeights.NONE;
  }
}
