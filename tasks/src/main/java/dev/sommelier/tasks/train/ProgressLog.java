package dev.sommelier.tasks.train;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keras-like progress through SLF4J: a line every few steps (epoch, step, loss, images/s, time left
 * in the epoch) and one per epoch with the training and validation numbers.
 */
public final class ProgressLog implements TrainingListener {

  private static final Logger LOG = LoggerFactory.getLogger(ProgressLog.class);
  private final int everySteps;
  private long epochStart;
  private long images;

  /** Logs every {@code everySteps} steps (and the last step of each epoch). */
  public ProgressLog(int everySteps) {
    this.everySteps = Math.max(1, everySteps);
  }

  @Override
  public void onBatchEnd(TrainingRun run, BatchEnd b) {
    if (b.step() == 1) {
      epochStart = System.nanoTime();
      images = 0;
    }
    images += b.images();
    if (b.step() % everySteps == 0 || b.step() == b.steps()) {
      double seconds = (System.nanoTime() - epochStart) / 1e9;
      double perSecond = images / Math.max(seconds, 1e-9);
      long left = Math.round(seconds / b.step() * (b.steps() - b.step()));
      LOG.info(
          "epoch {}/{} step {}/{} loss {} {} img/s, {} left",
          b.epoch(), run.config().totalEpochs(), b.step(), b.steps(),
          String.format("%.4f", b.loss()),
          String.format("%.1f", perSecond), format(Duration.ofSeconds(left)));
    }
  }

  @Override
  public void onEpochEnd(TrainingRun run, EpochResult r) {
    String metric = run.model().config().output().metricName();
    LOG.info(
        "epoch {}/{} done in {}s: loss {} {} {} - val_loss {} val_{} {} (lr {}, {} img/s)",
        r.epoch(), run.config().totalEpochs(), String.format("%.1f", r.seconds()),
        String.format("%.4f", r.loss()), metric, String.format("%.4f", r.metric()),
        String.format("%.4f", r.valLoss()), metric, String.format("%.4f", r.valMetric()),
        r.learningRate(), String.format("%.1f", r.imagesPerSecond()));
  }

  private static String format(Duration d) {
    return d.toHours() > 0
        ? String.format("%dh%02dm", d.toHours(), d.toMinutesPart())
        : String.format("%dm%02ds", d.toMinutes(), d.toSecondsPart());
  }
}
