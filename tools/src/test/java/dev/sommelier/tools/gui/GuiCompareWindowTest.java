package dev.sommelier.tools.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.tasks.data.synthetic.FileFormat;
import dev.sommelier.tasks.data.synthetic.Layout;
import dev.sommelier.tasks.data.synthetic.ShapeImages;
import java.awt.Component;
import java.awt.Container;
import java.awt.Frame;
import java.awt.Graphics2D;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JComboBox;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's Compare mode under a display (run with {@code xvfb-run -a mvn -o -Pgui test -pl
 * tools -am -Dtest='Gui*'}): fills the form as a person would, compares an MLP on pixels with a
 * small CNN on generated shapes, watches the progress name the run, and checks the table and the
 * report button; saves {@code target/gui-screenshots/comparing.png} and {@code compare.png}.
 */
@Tag("gui")
class GuiCompareWindowTest {

  private static final Path SCREENSHOTS = Path.of("target", "gui-screenshots");
  private static final long TIMEOUT_MS = 180_000;

  @TempDir Path tmp;

  @AfterEach
  void closeWindows() throws Exception {
    onEdt(() -> {
      Arrays.stream(Window.getWindows()).forEach(Window::dispose);
      return null;
    });
  }

  @Test
  void comparesTwoBackbonesAndShowsTheTable() throws Exception {
    Path shapes = tmp.resolve("shapes");
    new ShapeImages(2, 20, 32, FileFormat.PNG, Layout.CLASS_FOLDERS, 2).writeTo(shapes);
    Path out = tmp.resolve("which");
    onEdt(() -> {
      SommelierWindow.open(() -> { });
      return null;
    });
    JFrame frame = onEdt(() -> {
      JFrame f = (JFrame) Arrays.stream(Frame.getFrames())
          .filter(w -> w.isShowing() && SommelierWindow.TITLE.equals(w.getTitle()))
          .findFirst().orElseThrow(() -> new AssertionError("the window is not showing"));
      f.setSize(1000, 820);
      f.validate();
      return f;
    });
    onEdt(() -> {
      find(frame, "modeCompare", AbstractButton.class).doClick();
      assertEquals(CompareForm.BACKBONES, find(frame, "backbones", JTextField.class).getText());
      find(frame, "compareData", JTextField.class).setText(shapes.toString());
      find(frame, "backbones", JTextField.class).setText("pixels,simple_cnn");
      find(frame, "compareWeights", JComboBox.class).setSelectedItem("none");
      find(frame, "compareEpochs", JTextField.class).setText("30");
      find(frame, "compareInputSize", JTextField.class).setText("32");
      find(frame, "compareOut", JTextField.class).setText(out.toString());
      find(frame, "start", AbstractButton.class).doClick();
      return null;
    });
    waitFor(() -> find(frame, "status", JLabel.class).getText().startsWith("Run 1/2 (pixels) ·"
        + " Epoch"), "the first run's progress");
    screenshot(frame, "comparing.png");
    waitFor(() -> find(frame, "start", AbstractButton.class).isEnabled(), "the job's end");
    String status = onEdt(() -> find(frame, "status", JLabel.class).getText());
    assertTrue(status.matches("Done: 2 runs compared; best (pixels|simple_cnn), accuracy"
        + " \\d\\.\\d{4}"), status);
    JTable table = onEdt(() -> find(frame, "comparison", JTable.class));
    assertEquals(2, onEdt(table::getRowCount));
    assertTrue(onEdt(() -> String.valueOf(table.getValueAt(0, 0))).endsWith("pixels"));
    assertTrue(onEdt(() -> String.valueOf(table.getValueAt(1, 0))).endsWith("simple_cnn"));
    assertEquals("accuracy", onEdt(() -> table.getColumnName(11)));
    assertEquals(out.resolve("compare/index.html").toString(),
        onEdt(() -> find(frame, "openReport", AbstractButton.class).getToolTipText()
            .replace("This desktop cannot open a browser; open ", "")));
    assertTrue(Files.isRegularFile(out.resolve("compare/index.html")));
    String log = onEdt(() -> find(frame, "log", JTextComponent.class).getText());
    assertTrue(log.contains("simple_cnn: Epoch 30/30: loss "), log);
    screenshot(frame, "compare.png");
  }

  private static void waitFor(Callable<Boolean> condition, String what) throws Exception {
    long deadline = System.currentTimeMillis() + TIMEOUT_MS;
    while (!onEdt(condition)) {
      assertTrue(System.currentTimeMillis() < deadline, "timed out waiting for " + what);
      Thread.sleep(50);
    }
  }

  /** Paints the window into target/gui-screenshots/{@code name}. */
  private static void screenshot(JFrame frame, String name) throws Exception {
    BufferedImage image = onEdt(() -> {
      BufferedImage b = new BufferedImage(frame.getWidth(), frame.getHeight(),
          BufferedImage.TYPE_INT_RGB);
      Graphics2D g = b.createGraphics();
      frame.getRootPane().printAll(g);
      g.dispose();
      return b;
    });
    Files.createDirectories(SCREENSHOTS);
    ImageIO.write(image, "png", SCREENSHOTS.resolve(name).toFile());
  }

  private static <T extends Component> T find(Container root, String name, Class<T> type) {
    for (Component c : root.getComponents()) {
      if (name.equals(c.getName()) && type.isInstance(c)) {
        return type.cast(c);
      }
      if (c instanceof Container inner) {
        try {
          return find(inner, name, type);
        } catch (AssertionError notThere) {
          // look on
        }
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " named " + name);
  }

  private static <T> T onEdt(Callable<T> task) throws Exception {
    FutureTask<T> f = new FutureTask<>(task);
    SwingUtilities.invokeLater(f);
    return f.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
  }
}
