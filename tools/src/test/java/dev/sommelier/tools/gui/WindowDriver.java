package dev.sommelier.tools.gui;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;

/**
 * What the window tests do to a real window: run on the event thread, find a component by name,
 * wait for a condition and paint screenshots into {@code target/gui-screenshots/}.
 */
final class WindowDriver {

  /** How long a wait, or a task on the event thread, may take. */
  static final long TIMEOUT_MS = 180_000;

  private static final Path SCREENSHOTS = Path.of("target", "gui-screenshots");

  private WindowDriver() {}

  /**
   * Opens the Sommelier window and gives it its full working size (xvfb-run's screen is 640x480
   * unless told otherwise).
   */
  static JFrame openWindow() throws Exception {
    onEdt(() -> {
      SommelierWindow.open(() -> { });
      return null;
    });
    return onEdt(() -> {
      JFrame f = (JFrame) Arrays.stream(Frame.getFrames())
          .filter(w -> w.isShowing() && SommelierWindow.TITLE.equals(w.getTitle()))
          .findFirst().orElseThrow(() -> new AssertionError("the window is not showing"));
      f.setSize(1000, 820);
      f.validate();
      return f;
    });
  }

  /** Disposes every window, the dialogs a test left open included. */
  static void closeWindows() throws Exception {
    onEdt(() -> {
      Arrays.stream(Window.getWindows()).forEach(Window::dispose);
      return null;
    });
  }

  /** Runs {@code task} on the event thread and returns its result. */
  static <T> T onEdt(Callable<T> task) throws Exception {
    FutureTask<T> f = new FutureTask<>(task);
    SwingUtilities.invokeLater(f);
    return f.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
  }

  /** Waits until {@code condition}, checked on the event thread, holds. */
  static void waitFor(Callable<Boolean> condition, String what) throws Exception {
    long deadline = System.currentTimeMillis() + TIMEOUT_MS;
    while (!onEdt(condition)) {
      assertTrue(System.currentTimeMillis() < deadline, "timed out waiting for " + what);
      Thread.sleep(50);
    }
  }

  /** The component named {@code name} of {@code type} under {@code root}. */
  static <T extends Component> T find(Container root, String name, Class<T> type) {
    T found = findOrNull(root, name, type);
    if (found == null) {
      throw new AssertionError("no " + type.getSimpleName() + " named " + name);
    }
    return found;
  }

  /** The component named {@code name} of {@code type} under {@code root}, or null. */
  static <T extends Component> T findOrNull(Container root, String name, Class<T> type) {
    for (Component c : root.getComponents()) {
      if (name.equals(c.getName()) && type.isInstance(c)) {
        return type.cast(c);
      }
      T found = c instanceof Container inner ? findOrNull(inner, name, type) : null;
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** Paints the window, and a dialog over it, into target/gui-screenshots/{@code name}. */
  static void screenshot(JFrame frame, String name) throws Exception {
    BufferedImage image = onEdt(() -> {
      BufferedImage b = new BufferedImage(frame.getWidth(), frame.getHeight(),
          BufferedImage.TYPE_INT_RGB);
      Graphics2D g = b.createGraphics();
      frame.getRootPane().printAll(g);
      for (Window w : frame.getOwnedWindows()) {
        if (w.isShowing() && w instanceof JDialog dialog) {
          Graphics2D d = (Graphics2D) g.create(w.getX() - frame.getX(), w.getY() - frame.getY(),
              w.getWidth(), w.getHeight());
          dialog.getRootPane().printAll(d);
          d.dispose();
        }
      }
      g.dispose();
      return b;
    });
    Files.createDirectories(SCREENSHOTS);
    ImageIO.write(image, "png", SCREENSHOTS.resolve(name).toFile());
  }
}
