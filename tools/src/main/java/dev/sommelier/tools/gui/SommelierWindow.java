package dev.sommelier.tools.gui;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.tasks.jobs.predict.PredictResult;
import dev.sommelier.tools.compare.ComparedRun;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.IOException;
import java.util.Locale;
import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.UIManager;
import javax.swing.UnsupportedLookAndFeelException;

/**
 * The sommelier window: the job form, Start and Stop, a progress bar and status line, the result
 * (numbers and charts of a training run, a comparison's table, or a table of predictions) and a
 * log. Jobs run on their own thread through a {@link JobRunner}; this class touches Swing on the
 * EDT only.
 */
final class SommelierWindow implements JobView {

  /** The title of the window. */
  static final String TITLE = "Sommelier";

  private static final int BAR_STEPS = 1000;
  private static final int WIDTH = 1000;
  private static final int HEIGHT = 820;

  private final JFrame frame = new JFrame(TITLE);
  private final FormPanel form = new FormPanel(BackboneRegistry.load());
  private final JButton start = new JButton("Start");
  private final JButton stop = new JButton("Stop");
  private final JProgressBar bar = new JProgressBar(0, BAR_STEPS);
  private final JLabel status = new JLabel("Choose a job and its folders, then Start.");
  private final JTextArea log = new JTextArea(7, 80);
  private final JPanel result = new JPanel(new BorderLayout());
  private final Color statusColor = status.getForeground();
  private Runnable stopper;
  private boolean running;
  private boolean stopping;

  private SommelierWindow(Runnable onClosed) {
    start.setName("start");
    stop.setName("stop");
    status.setName("status");
    result.setName("result");
    log.setName("log");
    log.setEditable(false);
    log.setLineWrap(true);
    log.setWrapStyleWord(true);
    log.setFont(new Font(Font.MONOSPACED, Font.PLAIN, log.getFont().getSize()));
    bar.setName("progress");
    bar.setStringPainted(true);
    bar.setString("");
    stop.setEnabled(false);
    start.addActionListener(e -> start());
    stop.addActionListener(e -> stop());

    JPanel controls = new JPanel(new BorderLayout(8, 4));
    JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 0));
    buttons.add(start);
    buttons.add(stop);
    controls.add(buttons, BorderLayout.WEST);
    controls.add(bar, BorderLayout.CENTER);
    controls.add(status, BorderLayout.SOUTH);
    controls.setBorder(BorderFactory.createEmptyBorder(4, 8, 8, 8));

    JPanel top = new JPanel();
    top.setLayout(new BoxLayout(top, BoxLayout.Y_AXIS));
    top.add(form);
    top.add(controls);

    result.setBorder(BorderFactory.createTitledBorder("Result"));
    JScrollPane logScroll = new JScrollPane(log);
    logScroll.setBorder(BorderFactory.createTitledBorder("Log"));
    JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, result, logScroll);
    split.setResizeWeight(1);

    frame.add(top, BorderLayout.NORTH);
    frame.add(split, BorderLayout.CENTER);
    frame.setDefaultCloseOperation(JFrame.DO_NOTHING_ON_CLOSE);
    frame.addWindowListener(new WindowAdapter() {
      @Override
      public void windowClosing(WindowEvent e) {
        close();
      }

      @Override
      public void windowClosed(WindowEvent e) {
        onClosed.run();
      }
    });
    Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
    frame.setSize(Math.min(WIDTH, screen.width), Math.min(HEIGHT, screen.height));
    frame.setLocationRelativeTo(null);
  }

  /**
   * Opens the window; call on the EDT.
   *
   * @param onClosed run on the EDT once the window is closed
   */
  static void open(Runnable onClosed) {
    try {
      UIManager.setLookAndFeel("javax.swing.plaf.nimbus.NimbusLookAndFeel");
    } catch (ReflectiveOperationException | UnsupportedLookAndFeelException e) {
      // the default look and feel does as well
    }
    new SommelierWindow(onClosed).frame.setVisible(true);
  }

  private void start() {
    GuiJob job;
    try {
      if (form.mode() == FormPanel.Mode.TRAIN) {
        TrainTask training = new TrainTask(form.trainForm().settings());
        stopper = training::stop;
        job = training;
      } else if (form.mode() == FormPanel.Mode.COMPARE) {
        CompareTask comparing = new CompareTask(form.compareForm().comparison());
        stopper = comparing::stop;
        job = comparing;
      } else {
        stopper = null;
        job = new PredictTask(form.predictForm().settings());
      }
    } catch (IllegalArgumentException | IOException e) {
      showError("Cannot start", e.getMessage());
      return;
    }
    running = true;
    stopping = false;
    start.setEnabled(false);
    stop.setEnabled(stopper != null);
    bar.setValue(0);
    bar.setIndeterminate(true);
    bar.setString("");
    showStatus("Preparing: reading the images and building the graph…", statusColor);
    log.setText("");
    show(null);
    new JobRunner(this).start(job);
  }

  private void stop() {
    stopper.run();
    stopping = true;
    stop.setEnabled(false);
    log(form.mode() == FormPanel.Mode.COMPARE
        ? "Stop requested: the run in training finishes, and no other run starts."
        : "Stop requested: training ends after this epoch, then the model is evaluated and"
            + " saved.");
  }

  @Override
  public void progress(JobEvent.Progress p) {
    bar.setIndeterminate(false);
    bar.setValue((int) Math.round(p.fraction() * BAR_STEPS));
    bar.setString(Math.round(p.fraction() * 100) + "%");
    showStatus((stopping ? "Stopping after this " + (form.mode() == FormPanel.Mode.COMPARE
        ? "run" : "epoch") + " · " : "") + p.status(), statusColor);
  }

  @Override
  public void log(String line) {
    log.append(line + "\n");
    log.setCaretPosition(log.getDocument().getLength());
  }

  @Override
  public void finished(JobOutcome outcome) {
    ended();
    bar.setValue(BAR_STEPS);
    bar.setString("Done");
    if (outcome instanceof JobOutcome.Trained t) {
      TrainSummary.Row headline = TrainSummary.of(t.result()).get(0);
      showStatus("Done: " + headline.label().toLowerCase(Locale.ROOT) + " "
          + headline.value(), statusColor);
      show(new TrainResultPanel(t));
    } else if (outcome instanceof JobOutcome.Compared c) {
      ComparedRun best = c.result().runs().stream().filter(ComparedRun::best).findFirst()
          .orElseThrow();
      showStatus(String.format(Locale.ROOT, "Done: %d runs compared; best %s, %s %.4f",
          c.result().runs().size(), best.name(), c.result().classification() ? "accuracy"
              : "MAE", best.headline()), statusColor);
      show(new CompareResultPanel(c));
    } else if (outcome instanceof JobOutcome.Stopped s) {
      bar.setString("Stopped");
      showStatus(s.message(), statusColor);
    } else {
      PredictResult r = ((JobOutcome.Predicted) outcome).result();
      showStatus("Done: " + r.predictions().size() + " images predicted"
          + (r.skipped().isEmpty() ? "" : ", " + r.skipped().size() + " skipped")
          + "; " + r.csv(), statusColor);
      JTable table = new JTable(new PredictionTableModel(r));
      table.setName("predictions");
      table.setAutoCreateRowSorter(true);
      show(new JScrollPane(table));
    }
  }

  @Override
  public void failed(String message) {
    ended();
    bar.setValue(0);
    bar.setString("Failed");
    log("Failed: " + message);
    showError("The job failed", message);
  }

  private void ended() {
    running = false;
    start.setEnabled(true);
    stop.setEnabled(false);
    bar.setIndeterminate(false);
  }

  private void showError(String title, String message) {
    showStatus(title + ": " + message, new Color(0xB0, 0x20, 0x20));
    Dialogs.error(frame, title, message);
  }

  private void showStatus(String text, Color color) {
    status.setText(text);
    status.setToolTipText(text);
    status.setForeground(color);
  }

  private void show(Component content) {
    result.removeAll();
    if (content != null) {
      result.add(content, BorderLayout.CENTER);
    }
    result.revalidate();
    result.repaint();
  }

  private void close() {
    if (!running || JOptionPane.showConfirmDialog(frame,
        "A job is still running; closing the window ends it. Close anyway?", "Close Sommelier",
        JOptionPane.YES_NO_OPTION, JOptionPane.WARNING_MESSAGE) == JOptionPane.YES_OPTION) {
      frame.dispose();
    }
  }
}
