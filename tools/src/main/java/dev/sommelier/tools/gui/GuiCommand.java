package dev.sommelier.tools.gui;

import java.awt.GraphicsEnvironment;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import javax.swing.SwingUtilities;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code sommelier gui}: a window for people who do not live in a terminal, to train a classifier
 * on class folders or to predict a folder of images. Returns when the window is closed; exits 2
 * without a display.
 */
@Command(
    name = "gui",
    mixinStandardHelpOptions = true,
    description = "Opens a window to train a model on class folders (backbone, epochs, learning"
        + " rate, batch, output folder) or to predict a folder of images with a saved model. It"
        + " shows progress with loss, images/s and time left, stops a run after the current"
        + " epoch, and ends with the run's numbers and report charts, or a table of predictions."
        + " Needs a display; without one use the train and predict commands.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  sommelier gui",
      "  DISPLAY=:0 sommelier gui",
      "",
      "Exit status: 0 when the window is closed, 2 without a display."
    })
public final class GuiCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  /** Opens the window and waits until it is closed. */
  @Override
  public Integer call() throws InterruptedException {
    if (GraphicsEnvironment.isHeadless()) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(spec.qualifiedName()
          + ": no display: set DISPLAY or use the train/predict commands");
      err.flush();
      return spec.exitCodeOnInvalidInput();
    }
    CountDownLatch closed = new CountDownLatch(1);
    SwingUtilities.invokeLater(() -> SommelierWindow.open(closed::countDown));
    closed.await();
    return 0;
  }
}
