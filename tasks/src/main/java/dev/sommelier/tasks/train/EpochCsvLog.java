package dev.sommelier.tasks.train;

import dev.sommelier.core.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/** Writes {@code epochs.csv} (one row per finished epoch), rewritten atomically after each epoch. */
public final class EpochCsvLog implements TrainingListener {

  static final String HEADER =
      "epoch,phase,learning_rate,loss,metric,val_loss,val_metric,seconds,images_per_second";
  private final Path file;

  public EpochCsvLog(Path file) {
    this.file = file;
  }

  @Override
  public void onEpochEnd(TrainingRun run, EpochResult ignored) {
    StringBuilder b = new StringBuilder(HEADER).append('\n');
    for (EpochResult r : run.history()) {
      b.append(String.format(Locale.ROOT, "%d,%d,%g,%.6f,%.6f,%.6f,%.6f,%.3f,%.2f%n",
          r.epoch(), r.phase(), r.learningRate(), r.loss(), r.metric(), r.valLoss(), r.valMetric(),
          r.seconds(), r.imagesPerSecond()));
    }
    try {
      AtomicFiles.write(file, out -> out.write(b.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
