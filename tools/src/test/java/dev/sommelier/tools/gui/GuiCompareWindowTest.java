package dev.sommelier.tools.gui;

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
import java.nio.file.Files;
import java.nio.file.Path;
import javax.swing.AbstractButton;
import javax.swing.JComboBox;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JTable;
import javax.swing.JTextField;
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

  @TempDir Path tmp;

  @AfterEach
  void closeAll() throws Exception {
    closeWindows();
  }

  @Test
  void comparesTwoBackbonesAndShowsTheTable() throws Exception {
    Path shapes = tmp.resolve("shapes");
    new ShapeImages(2, 20, 32, FileFormat.PNG, Layout.CLASS_FOLDERS, 2).writeTo(shapes);
    Path out = tmp.resolve("which");
    JFrame frame = openWindow();
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
}
