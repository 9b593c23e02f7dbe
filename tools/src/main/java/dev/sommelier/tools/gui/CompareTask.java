package dev.sommelier.tools.gui;

import dev.sommelier.tasks.train.BatchEnd;
import dev.sommelier.tasks.train.EpochResult;
import dev.sommelier.tasks.train.TrainingRun;
import dev.sommelier.tools.CompareArguments;
import dev.sommelier.tools.compare.Comparison;
import dev.sommelier.tools.compare.ComparisonListener;
import dev.sommelier.tools.compare.ComparisonResult;
import dev.sommelier.tools.compare.ComparisonStoppedException;
import dev.sommelier.tools.compare.PlannedRun;
import dev.sommelier.tools.compare.RunPair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A comparison run from the window: which run trains and how far it is become progress ({@code
 * Run 2/3 (cnn) · Epoch 4/10, step …}) and log lines; {@link #stop()} lets the run in training
 * finish and trains no other; at the end every run's report and the comparison's page are written.
 */
final class CompareTask implements GuiJob {

  private final Comparison comparison;

  /** A task that runs {@code comparison}. */
  CompareTask(Comparison comparison) {
    this.comparison = comparison;
  }

  /** Trains no run after the one in training. Safe to call from any thread. */
  void stop() {
    comparison.stopBeforeNextRun();
  }

  @Override
  public JobOutcome run(Consumer<JobEvent> events) throws IOException {
    events.accept(new JobEvent.Log("Comparing " + comparison.runs().size() + " runs: "
        + String.join(", ", comparison.runs().stream().map(PlannedRun::name).toList())));
    ComparisonResult result;
    try {
      result = comparison.listen(new Relay(events)).run();
    } catch (ComparisonStoppedException e) {
      events.accept(new JobEvent.Log(e.getMessage()));
      return new JobOutcome.Stopped(e.getMessage());
    }
    events.accept(new JobEvent.Log("Writing the reports"));
    Path page = CompareArguments.writeReports(comparison, result);
    for (RunPair p : result.pairs()) {
      events.accept(new JobEvent.Log("McNemar: " + p.verdict()));
    }
    events.accept(new JobEvent.Log("Comparison in " + page + " and " + result.json()));
    return new JobOutcome.Compared(result, page);
  }

  /** Turns the comparison's events into progress over all runs and log lines. */
  private static final class Relay implements ComparisonListener {

    private final Consumer<JobEvent> events;
    private int index;
    private int count;
    private String name;
    private TrainingProgress progress;

    Relay(Consumer<JobEvent> events) {
      this.events = events;
    }

    @Override
    public void onRunStart(int i, int n, PlannedRun run, boolean finishedEarlier) {
      index = i;
      count = n;
      name = run.name();
      events.accept(new JobEvent.Log("Run " + (i + 1) + " of " + n + ": " + run.name() + " ("
          + run.settings().backbone() + ")" + (finishedEarlier
              ? " finished earlier in " + run.settings().out() + ", not run again" : "")));
      events.accept(new JobEvent.Progress((double) (i + (finishedEarlier ? 1 : 0)) / n,
          "Run " + (i + 1) + "/" + n + " (" + name + ")"
              + (finishedEarlier ? " finished earlier" : " · preparing")));
    }

    @Override
    public void onTrainingStart(TrainingRun r) {
      progress = new TrainingProgress(r.config().totalEpochs(), System.nanoTime(),
          r.model().config().output().metricTitle());
    }

    @Override
    public void onBatchEnd(TrainingRun r, BatchEnd b) {
      JobEvent.Progress p = progress.batch(b.epoch(), b.step(), b.steps(), b.loss(), b.images(),
          System.nanoTime());
      events.accept(new JobEvent.Progress((index + p.fraction()) / count,
          "Run " + (index + 1) + "/" + count + " (" + name + ") · " + p.status()));
    }

    @Override
    public void onEpochEnd(TrainingRun r, EpochResult result) {
      events.accept(new JobEvent.Log(name + ": " + progress.epochLine(result)));
    }

    @Override
    public void onRunsTrained() {
      events.accept(new JobEvent.Log("Every run trained: gathering the results and explaining"
          + " the same test images with each"));
      events.accept(new JobEvent.Progress(1, "Gathering the results and explaining test images"));
    }
  }
}
