package dev.sommelier.tools.gui;

/** What shows a running job; every method is called on the EDT. */
interface JobView {

  /** The job's latest progress (older progress may have been skipped). */
  void progress(JobEvent.Progress progress);

  /** A line for the log. */
  void log(String line);

  /** The job ended with {@code outcome}; nothing is called after this. */
  void finished(JobOutcome outcome);

  /** The job failed with {@code message}; nothing is called after this. */
  void failed(String message);
}
