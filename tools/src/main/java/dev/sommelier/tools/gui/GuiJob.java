package dev.sommelier.tools.gui;

import java.io.IOException;
import java.util.function.Consumer;

/** A job the window starts: run on a worker thread, never on the EDT. */
interface GuiJob {

  /**
   * Runs the job on the calling thread.
   *
   * @param events told how the job goes, from the calling thread
   * @throws IllegalArgumentException for bad input, with a message for the user
   * @throws IOException when files cannot be read or written
   */
  JobOutcome run(Consumer<JobEvent> events) throws IOException;
}
