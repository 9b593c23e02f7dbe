package dev.sommelier.tools.gui;

import dev.sommelier.tasks.train.EpochResult;
import java.util.Locale;

/**
 * Where a training run stands, from its step and epoch events: the fraction done, the loss,
 * images per second since the start and the time left at that pace. Plain arithmetic on times
 * the caller passes in, so it is tested without a clock or a window.
 */
final class TrainingProgress {

  private final int totalEpochs;
  private final long startNanos;
  private final String metric;
  private double startFraction = -1;
  private long images;

  /**
   * @param totalEpochs epochs over all phases
   * @param startNanos {@link System#nanoTime()} when training started
   * @param metric the output kind's metric title ({@code accuracy}, {@code MAE}, {@code micro
   *     F1}), for epoch lines
   */
  TrainingProgress(int totalEpochs, long startNanos, String metric) {
    this.totalEpochs = totalEpochs;
    this.startNanos = startNanos;
    this.metric = metric;
  }

  /** After step {@code step} of {@code steps} in 1-based {@code epoch}, at {@code nanos}. */
  JobEvent.Progress batch(int epoch, int step, int steps, float loss, int batchImages,
      long nanos) {
    if (startFraction < 0) {
      // A resumed run starts part way: time left counts only the steps run here.
      startFraction = fraction(epoch, step - 1, steps);
    }
    images += batchImages;
    double fraction = fraction(epoch, step, steps);
    double seconds = (nanos - startNanos) / 1e9;
    double done = fraction - startFraction;
    String left = done > 0 && seconds > 0
        ? duration(seconds * (1 - fraction) / done) + " left" : "time left unknown";
    return new JobEvent.Progress(fraction, String.format(Locale.ROOT,
        "Epoch %d/%d, step %d/%d · loss %.4f · %.0f images/s · %s", epoch, totalEpochs, step,
        steps, loss, seconds > 0 ? images / seconds : 0.0, left));
  }

  /** The log line of a finished epoch. */
  String epochLine(EpochResult r) {
    String line = String.format(Locale.ROOT, "Epoch %d/%d: loss %.4f, %s %.4f", r.epoch(),
        totalEpochs, r.loss(), metric, r.metric());
    if (!Double.isNaN(r.valLoss())) {
      line += String.format(Locale.ROOT, "; validation loss %.4f, %s %.4f", r.valLoss(), metric,
          r.valMetric());
    }
    return line + String.format(Locale.ROOT, " (%.1f s, %.0f images/s)", r.seconds(),
        r.imagesPerSecond());
  }

  private double fraction(int epoch, int step, int steps) {
    return Math.min(1, ((epoch - 1) + (double) step / steps) / totalEpochs);
  }

  /** {@code 0:42}, {@code 12:05} or {@code 1:02:03}. */
  static String duration(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
