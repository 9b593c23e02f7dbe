package dev.sommelier.tools.gui;

import dev.sommelier.tasks.jobs.SkippedImage;
import dev.sommelier.tasks.jobs.predict.PredictJob;
import dev.sommelier.tasks.jobs.predict.PredictResult;
import dev.sommelier.tasks.jobs.predict.PredictSettings;
import dev.sommelier.tools.TruthText;
import java.io.IOException;
import java.util.function.Consumer;

/** A {@link PredictJob} run from the window, with its files and skipped images in the log. */
final class PredictTask implements GuiJob {

  private final PredictSettings settings;

  /** A task that predicts with {@code settings}. */
  PredictTask(PredictSettings settings) {
    this.settings = settings;
  }

  @Override
  public JobOutcome run(Consumer<JobEvent> events) throws IOException {
    events.accept(new JobEvent.Log("Predicting " + settings.inputs().get(0) + " with "
        + settings.model()));
    PredictResult r = new PredictJob(settings).run();
    for (SkippedImage s : r.skipped()) {
      events.accept(new JobEvent.Log("Skipped " + s.file() + ": " + s.reason()));
    }
    events.accept(new JobEvent.Log(r.predictions().size() + " images predicted; predictions in "
        + r.csv() + " and " + r.json()));
    String accuracy = TruthText.accuracy(r.knownTruth());
    if (accuracy != null) {
      events.accept(new JobEvent.Log(accuracy));
    }
    return new JobOutcome.Predicted(r);
  }
}
