package dev.sommelier.tools.gui;

import dev.sommelier.tasks.jobs.train.TrainJob;
import dev.sommelier.tasks.jobs.train.TrainResult;
import dev.sommelier.tasks.jobs.train.TrainSettings;
import dev.sommelier.tasks.train.BatchEnd;
import dev.sommelier.tasks.train.EpochResult;
import dev.sommelier.tasks.train.TrainingListener;
import dev.sommelier.tasks.train.TrainingRun;
import dev.sommelier.tools.report.ReportFiles;
import dev.sommelier.tools.report.RunReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@link TrainJob} run from the window: its steps and epochs become progress and log lines,
 * {@link #stop()} ends it after the current epoch, and at the end the report's plots in {@code
 * OUT/report/} and the picture of augmented training images are read for display.
 */
final class TrainTask implements GuiJob {

  private final TrainSettings settings;
  private volatile boolean stopRequested;

  /** A task that trains with {@code settings}. */
  TrainTask(TrainSettings settings) {
    this.settings = settings;
  }

  /**
   * Ends training after the current epoch (after the first, when training has not started yet);
   * the run is then evaluated and saved as usual. Safe to call from any thread.
   */
  void stop() {
    stopRequested = true;
  }

  @Override
  public JobOutcome run(Consumer<JobEvent> events) throws IOException {
    TrainSettings s = settings;
    events.accept(new JobEvent.Log("Training " + s.backbone() + " (" + s.inputSize() + "x"
        + s.inputSize() + ") on " + s.data() + "; output in " + s.out()));
    TrainResult result = new TrainJob(s).listen(new Relay(events)).run();
    events.accept(new JobEvent.Log("Writing the report"));
    ReportFiles report = RunReport.write(s.out());
    List<Path> shown = new ArrayList<>(report.plots());
    if (report.augmentedSamples() != null) {
      shown.add(report.augmentedSamples());
    }
    List<ReportImages.Image> images =
        ReportImages.load(shown, p -> events.accept(new JobEvent.Log(p)));
    events.accept(new JobEvent.Log("Model saved to " + result.model() + "; report "
        + result.report()));
    return new JobOutcome.Trained(result, report, images);
  }

  /**
   * Turns the training run's events into progress and log lines, and passes a stop request on
   * from within an epoch, so that at least one epoch is always trained.
   */
  private final class Relay implements TrainingListener {

    private final Consumer<JobEvent> events;
    private TrainingProgress progress;

    Relay(Consumer<JobEvent> events) {
      this.events = events;
    }

    @Override
    public void onTrainingStart(TrainingRun r) {
      progress = new TrainingProgress(r.config().totalEpochs(), System.nanoTime(),
          r.model().config().output().metricTitle());
      int done = r.history().size();
      events.accept(new JobEvent.Log("Training " + r.config().totalEpochs() + " epochs"
          + (done > 0 ? ", resuming after epoch " + done : "")));
    }

    @Override
    public void onBatchEnd(TrainingRun r, BatchEnd b) {
      events.accept(progress.batch(b.epoch(), b.step(), b.steps(), b.loss(), b.images(),
          System.nanoTime()));
      passOnStop(r);
    }

    @Override
    public void onEpochEnd(TrainingRun r, EpochResult result) {
      events.accept(new JobEvent.Log(progress.epochLine(result)));
      passOnStop(r);
    }

    @Override
    public void onTrainingEnd(TrainingRun r) {
      events.accept(new JobEvent.Log("Evaluating and saving the model"));
    }

    private void passOnStop(TrainingRun r) {
      if (stopRequested) {
        r.stop();
      }
    }
  }
}
