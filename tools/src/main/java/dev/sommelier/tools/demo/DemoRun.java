package dev.sommelier.tools.demo;

import dev.sommelier.core.Device;
import dev.sommelier.tasks.explain.pointing.PointingGame;
import dev.sommelier.tasks.jobs.explain.ExplainJob;
import dev.sommelier.tasks.jobs.explain.ExplainResult;
import dev.sommelier.tasks.jobs.explain.ExplainSettings;
import dev.sommelier.tasks.jobs.explain.ExplainedImage;
import dev.sommelier.tasks.jobs.explain.Explanation;
import dev.sommelier.tasks.jobs.train.FineTune;
import dev.sommelier.tasks.jobs.train.InitialWeights;
import dev.sommelier.tasks.jobs.train.TrainJob;
import dev.sommelier.tasks.jobs.train.TrainResult;
import dev.sommelier.tasks.jobs.train.TrainSettings;
import dev.sommelier.tasks.model.TaskKind;
import dev.sommelier.tools.report.RunReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo from end to end: writes the built-in data, trains a small MobileNetV1 (width 0.25) on
 * it from {@code weights} (ImageNet by default: head first, then the last blocks, see {@link
 * DemoRecipe}), evaluates the held-out test part, explains fresh images with Grad-CAM at {@value
 * #LAYER} and writes the run's report; then, when comparing, does the same from random weights in
 * {@code out/scratch}, on the same data, split and seed and for as many epochs.
 *
 * @param task classification (makers by logo) or regression (cucumbers by rank)
 * @param perClass drawn images per maker or rank (split 4:1:2)
 * @param inputSize side of the images and of the model's input
 * @param epochs epochs of the head (of the whole run, from scratch)
 * @param fineTune the fine-tuning phase after the head, or null for none
 * @param weights where the demo model's backbone starts
 * @param compare whether to train from scratch beside it (ignored when it starts from none)
 * @param seed seed of the data, split, weights and shuffles
 * @param workers threads decoding images, or null for the training default (the processors)
 * @param device where the graph runs
 * @param out the run's folder
 */
public record DemoRun(TaskKind task, int perClass, int inputSize, int epochs, FineTune fineTune,
    InitialWeights weights, boolean compare, long seed, Integer workers, Device device,
    Path out) {

  /** The demo's backbone. */
  public static final String BACKBONE = "mobilenet_v1:alpha=0.25";
  /** The explained layer. */
  public static final String LAYER = "conv_pw_11_relu";
  /** Where the run from scratch goes, under {@code out}. */
  public static final String SCRATCH = "scratch";

  private static final Logger LOG = LoggerFactory.getLogger(DemoRun.class);

  /** Checks that the weights are given. */
  public DemoRun {
    Objects.requireNonNull(weights, "weights");
  }

  /** Epochs of a run in all: the head's and the fine-tuning's. */
  public int totalEpochs() {
    return epochs + (fineTune == null ? 0 : fineTune.epochs());
  }

  /** Whether a run from scratch is trained beside the demo model. */
  public boolean comparing() {
    return compare && weights != InitialWeights.NONE;
  }

  /** Runs the demo. */
  public DemoResult run() throws IOException {
    long start = System.nanoTime();
    LOG.info("demo: writing the {} data set under {}", task, out.resolve("data"));
    DemoData data = DemoData.write(task, perClass, inputSize, seed, out.resolve("data"));
    boolean pretrained = weights != InitialWeights.NONE;
    LOG.info("demo: training from {} weights in {}", weights, out);
    DemoTraining model = train(pretrained ? DemoRecipe.pretrained(this, data.source(), out)
        : DemoRecipe.scratch(this, data.source(), out), data);
    DemoTraining scratch = null;
    if (comparing()) {
      Path dir = out.resolve(SCRATCH);
      LOG.info("demo: the same data from scratch in {}", dir);
      scratch = train(DemoRecipe.scratch(this, data.source(), dir), data);
    }
    return new DemoResult(out, model, scratch, (System.nanoTime() - start) / 1e9);
  }

  /** Trains with {@code settings}, explains the fresh images and writes the report. */
  private DemoTraining train(TrainSettings settings, DemoData data) throws IOException {
    long start = System.nanoTime();
    TrainResult trained = new TrainJob(settings).run();
    ExplainResult explained = new ExplainJob(ExplainSettings.builder(trained.model(),
        data.fresh(), settings.out().resolve("explain")).layer(LAYER).seed(seed).device(device)
        .build()).run();
    int onLogo = task == TaskKind.CLASSIFICATION ? peaksOnLogo(explained, data) : -1;
    Path report = RunReport.write(settings.out()).index();
    return new DemoTraining(settings.backboneWeights().toString(), trained, explained, onLogo,
        report, (System.nanoTime() - start) / 1e9);
  }

  /** Fresh images whose first map peaks inside their logo's box. */
  private static int peaksOnLogo(ExplainResult explained, DemoData data) {
    int inside = 0;
    for (ExplainedImage image : explained.images()) {
      List<Explanation> maps = image.explanations();
      if (!maps.isEmpty() && PointingGame.hit(data.logoBoxes().of(Path.of(image.file())),
          maps.get(0).peakX(), maps.get(0).peakY())) {
        inside++;
      }
    }
    return inside;
  }
}
