package dev.sommelier.tools.gui;

import static dev.sommelier.tools.gui.WindowDriver.TIMEOUT_MS;
import static dev.sommelier.tools.gui.WindowDriver.find;
import static dev.sommelier.tools.gui.WindowDriver.closeWindows;
import static dev.sommelier.tools.gui.WindowDriver.onEdt;
import static dev.sommelier.tools.gui.WindowDriver.openWindow;
import static dev.sommelier.tools.gui.WindowDriver.screenshot;
import static dev.sommelier.tools.gui.WindowDriver.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.tasks.data.synthetic.FileFormat;
import dev.sommelier.tasks.data.synthetic.Layout;
import dev.sommelier.tasks.data.synthetic.ShapeImages;
import java.awt.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.swing.AbstractButton;
import javax.swing.JComboBox;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JProgressBar;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real window under a display (run with {@code xvfb-run -a mvn -o -Pgui test -pl tools -am}):
 * fills the form as a person would, trains a tiny CNN on generated shapes, stops a second run,
 * predicts with the model, shows a bad-input error and a failed job, and saves screenshots in
 * {@code target/gui-screenshots/}.
 */
@Tag("gui")
class GuiWindowTest {

  @TempDir Path tmp;

  @AfterEach
  void closeAll() throws Exception {
    closeWindows();
  }

  @Test
  void trainsStopsPredictsAndReportsErrors() throws Exception {
    Path shapes = tmp.resolve("shapes");
    new ShapeImages(2, 20, 32, FileFormat.PNG, Layout.CLASS_FOLDERS, 2).writeTo(shapes);
    Path run = tmp.resolve("run");
    JFrame frame = openWindow();

    fillTraining(frame, shapes, "2", run);
    click(frame, "start");
    awaitEnd(frame);
    String status = onEdt(() -> find(frame, "status", JLabel.class).getText());
    assertTrue(status.matches("Done: accuracy \\d+\\.\\d% on 16 validation images"), status);
    assertTrue(text(frame, "summary.Epochs").matches("2, weights of epoch [12]"),
        text(frame, "summary.Epochs"));
    assertTrue(text(frame, "summary.Training speed").matches("\\d+\\.\\d images/s"),
        text(frame, "summary.Training speed"));
    assertTrue(text(frame, "summary.Time").matches("\\d+\\.\\d s"), text(frame, "summary.Time"));
    assertEquals("training-curves.png", text(frame, "image.training-curves.png"));
    String log = onEdt(() -> find(frame, "log", JTextComponent.class).getText());
    assertTrue(log.contains("Epoch 2/2: loss "), log);
    screenshot(frame, "train.png");

    fillTraining(frame, shapes, "500", tmp.resolve("stopped"));
    click(frame, "start");
    waitFor(() -> find(frame, "progress", JProgressBar.class).getValue() > 0, "progress");
    screenshot(frame, "training.png");
    click(frame, "stop");
    awaitEnd(frame);
    String epochs = text(frame, "summary.Epochs");
    assertTrue(Integer.parseInt(epochs.substring(0, epochs.indexOf(','))) < 500, epochs);

    onEdt(() -> {
      find(frame, "modePredict", AbstractButton.class).doClick();
      find(frame, "modelFolder", JTextField.class).setText(run.resolve("model").toString());
      find(frame, "imagesFolder", JTextField.class).setText(shapes.resolve("circle").toString());
      return null;
    });
    click(frame, "start");
    awaitEnd(frame);
    assertEquals(20, onEdt(() -> find(frame, "predictions", JTable.class).getRowCount()));
    assertTrue(Files.isRegularFile(run.resolve("predictions/predictions.csv")));
    screenshot(frame, "predict.png");

    Path missing = tmp.resolve("no-such-images");
    String badInput = errorAfterStart(frame, "imagesFolder", missing.toString(), "error.png");
    assertEquals("Cannot start: no folder at " + missing.toAbsolutePath() + " (images folder)",
        badInput);
    onEdt(() -> {
      find(frame, "imagesFolder", JTextField.class).setText(shapes.resolve("circle").toString());
      return null;
    });
    String failed = errorAfterStart(frame, "modelFolder", shapes.toString(), "failed.png");
    assertTrue(failed.startsWith("The job failed: ") && failed.contains(shapes.toString()),
        failed);
  }

  /**
   * Types {@code value} into {@code field}, clicks Start, waits for the error dialog, saves a
   * screenshot with it, closes it, checks the window is usable again; returns the status line.
   */
  private static String errorAfterStart(JFrame frame, String field, String value,
      String screenshot) throws Exception {
    onEdt(() -> {
      find(frame, field, JTextField.class).setText(value);
      return null;
    });
    // The error dialog is modal: click without waiting, then find and close it.
    SwingUtilities.invokeLater(() -> find(frame, "start", AbstractButton.class).doClick());
    JDialog dialog = awaitDialog();
    screenshot(frame, screenshot);
    onEdt(() -> {
      dialog.dispose();
      return null;
    });
    assertTrue(onEdt(() -> find(frame, "start", AbstractButton.class).isEnabled()));
    return onEdt(() -> find(frame, "status", JLabel.class).getText());
  }

  private static void fillTraining(JFrame frame, Path data, String epochs, Path out)
      throws Exception {
    onEdt(() -> {
      find(frame, "modeTrain", AbstractButton.class).doClick();
      find(frame, "dataFolder", JTextField.class).setText(data.toString());
      JComboBox<?> backbone = find(frame, "backbone", JComboBox.class);
      ((JTextField) backbone.getEditor().getEditorComponent())
          .setText("simple_cnn:blocks=2,width=4");
      find(frame, "inputSize", JTextField.class).setText("32");
      find(frame, "learningRate", JTextField.class).setText("0.01");
      find(frame, "batch", JTextField.class).setText("8");
      find(frame, "epochs", JTextField.class).setText(epochs);
      find(frame, "trainOut", JTextField.class).setText(out.toString());
      return null;
    });
  }


  private static void click(JFrame frame, String button) throws Exception {
    onEdt(() -> {
      find(frame, button, AbstractButton.class).doClick();
      return null;
    });
  }

  private static String text(JFrame frame, String label) throws Exception {
    return onEdt(() -> find(frame, label, JLabel.class).getText());
  }

  /** Waits until the job ends, i.e. Start is enabled again. */
  private static void awaitEnd(JFrame frame) throws Exception {
    waitFor(() -> find(frame, "start", AbstractButton.class).isEnabled(), "the job's end");
  }

  private static JDialog awaitDialog() throws Exception {
    long deadline = System.currentTimeMillis() + TIMEOUT_MS;
    while (true) {
      JDialog d = onEdt(() -> (JDialog) Arrays.stream(Window.getWindows())
          .filter(w -> w instanceof JDialog && w.isShowing()).findFirst().orElse(null));
      if (d != null) {
        return d;
      }
      assertTrue(System.currentTimeMillis() < deadline, "no error dialog");
      Thread.sleep(100);
    }
  }
}
