package dev.sommelier.tools.gui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link GuiJob} on its own thread and hands what it reports to a {@link JobView} on the
 * EDT, in order: log lines all, progress coalesced to the latest, then the outcome or the failure
 * last.
 */
final class JobRunner {

  private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

  private final JobView view;
  private final AtomicReference<JobEvent.Progress> pending = new AtomicReference<>();

  /** A runner that reports to {@code view}. */
  JobRunner(JobView view) {
    this.view = view;
  }

  /** Starts {@code job} on a new daemon thread and returns at once. */
  void start(GuiJob job) {
    Thread t = new Thread(() -> run(job), "sommelier-gui-job");
    t.setDaemon(true);
    t.start();
  }

  private void run(GuiJob job) {
    try {
      JobOutcome outcome = job.run(this::emit);
      SwingUtilities.invokeLater(() -> view.finished(outcome));
    } catch (Throwable e) { // whatever ends the job (even an Error), the window must learn of it
      String message = message(e);
      SwingUtilities.invokeLater(() -> view.failed(message));
    }
  }

  private void emit(JobEvent event) {
    if (event instanceof JobEvent.Log log) {
      SwingUtilities.invokeLater(() -> view.log(log.line()));
    } else if (pending.getAndSet((JobEvent.Progress) event) == null) {
      SwingUtilities.invokeLater(() -> view.progress(pending.getAndSet(null)));
    }
  }

  /**
   * The message the user sees: bad input and file problems as they are; anything else with its
   * type, its stack trace going to the log.
   */
  static String message(Throwable e) {
    if (e instanceof UncheckedIOException u) {
      return message(u.getCause());
    }
    if (e instanceof IllegalArgumentException || e instanceof IOException) {
      return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    LOG.error("the job failed", e);
    return e.getMessage() == null ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
