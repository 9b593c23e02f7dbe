package dev.sommelier.tools.demo;

import dev.sommelier.core.Device;
import dev.sommelier.core.layers.BatchNormMode;
import dev.sommelier.heads.Pooling;
import dev.sommelier.tasks.data.split.SplitRatios;
import dev.sommelier.tasks.explain.job.ExplainJob;
import dev.sommelier.tasks.explain.job.ExplainResult;
import dev.sommelier.tasks.explain.job.ExplainSettings;
import dev.sommelier.tasks.explain.job.ExplainedImage;
import dev.sommelier.tasks.explain.job.Explanation;
import dev.sommelier.tasks.job.HeadOptions;
import dev.sommelier.tasks.job.TrainJob;
import dev.sommelier.tasks.job.TrainResult;
import dev.sommelier.tasks.job.TrainSettings;
import dev.sommelier.tasks.model.TaskKind;
import dev.sommelier.tasks.train.LearningRateSchedule;
import dev.sommelier.tasks.train.OptimizerKind;
import dev.sommelier.tasks.train.TrainScope;
import dev.sommelier.tools.report.RunReport;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo from end to end: writes the built-in data, trains a small MobileNetV1 (width 0.25) from
 * scratch on it, evaluates the held-out test part, explains fresh images with Grad-CAM and writes
 * the run's report. The recipe (Adam at 0.003 with a cosine schedule, batch norm in training mode,
 * no dropout, split 6:2:2) is one measured to learn the logos in about three minutes on two cores at
 * the default size; the maps come from {@value #LAYER}, whose 8x8 map at 128 pixels is finer than
 * the 4x4 of the default Grad-CAM layer.
 *
 * @param task classification (makers by logo) or regression (cucumbers by rank)
 * @param perClass training images per maker or rank
 * @param inputSize side of the images and of the model's input
 * @param epochs training epochs
 * @param seed seed of the data, split, weights and shuffles
 * @param workers threads decoding images, or null for the training default (the processors)
 * @param device where the graph runs
 * @param out the run's folder
 */
public record DemoRun(TaskKind task, int perClass, int inputSize, int epochs, long seed,
    Integer workers, Device device, Path out) {

  /** The demo's backbone. */
  public static final String BACKBONE = "mobilenet_v1:alpha=0.25";
  /** The explained layer. */
  public static final String LAYER = "conv_pw_11_relu";

  private static final Logger LOG = LoggerFactory.getLogger(DemoRun.class);
  private static final float LEARNING_RATE = 0.003f;
  private static final int BATCH = 32;

  /** Runs the demo. */
  public DemoResult run() throws IOException {
    long start = System.nanoTime();
    LOG.info("demo: writing the {} data set under {}", task, out.resolve("data"));
    DemoData data = DemoData.write(task, perClass, inputSize, seed, out.resolve("data"));
    TrainResult trained = new TrainJob(trainSettings(data)).run();
    ExplainResult explained = new ExplainJob(ExplainSettings.builder(trained.model(),
        data.fresh(), out.resolve("explain")).layer(LAYER).seed(seed).device(device).build())
        .run();
    int onLogo = task == TaskKind.CLASSIFICATION ? peaksOnLogo(explained, data) : -1;
    Path report = RunReport.write(out).index();
    return new DemoResult(out, trained, explained, onLogo, report,
        (System.nanoTime() - start) / 1e9);
  }

  private TrainSettings trainSettings(DemoData data) {
    HeadOptions head = HeadOptions.defaultFor(task);
    TrainSettings.Builder b = TrainSettings.builder(data.source(), out)
        .task(task)
        .split(SplitRatios.parse("6:2:2"))
        .seed(seed)
        .backbone(BACKBONE)
        .inputSize(inputSize)
        .head(new HeadOptions(head.type(), 0f, head.hidden(), Pooling.GAP))
        .optimizer(OptimizerKind.ADAM)
        .learningRate(LEARNING_RATE)
        .schedule(new LearningRateSchedule.Cosine())
        .epochs(epochs)
        .batchSize(BATCH)
        .scope(TrainScope.ALL)
        .batchNorm(BatchNormMode.TRAINING)
        .device(device);
    if (workers != null) {
      b.workers(workers);
    }
    return b.build();
  }

  /** Fresh images whose first map peaks inside their logo's box. */
  private static int peaksOnLogo(ExplainResult explained, DemoData data) {
    int inside = 0;
    for (ExplainedImage image : explained.images()) {
      Rectangle box = data.logoBoxes().get(image.file());
      List<Explanation> maps = image.explanations();
      if (box != null && !maps.isEmpty() && box.contains(maps.get(0).peakX(), maps.get(0).peakY())) {
        inside++;
      }
    }
    return inside;
  }
}
