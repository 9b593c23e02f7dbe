package dev.sommelier.tools.gui;

/** What a running job tells the window: where it stands, or a line for the log. */
sealed interface JobEvent {

  /**
   * Progress for the bar and the status line.
   *
   * @param fraction done, 0 to 1
   * @param status e.g. {@code Epoch 2/10, step 5/12 · loss 0.6931 · 120 images/s · 0:42 left}
   */
  record Progress(double fraction, String status) implements JobEvent {}

  /** One line for the log area. */
  record Log(String line) implements JobEvent {}
}
