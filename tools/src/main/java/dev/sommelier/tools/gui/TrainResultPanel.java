package dev.sommelier.tools.gui;

import java.awt.BorderLayout;
import java.awt.Desktop;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Image;
import java.awt.Insets;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.swing.BorderFactory;
import javax.swing.ImageIcon;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;

/**
 * A finished training run: its headline numbers, the report's charts scaled to fit, and a button
 * that opens {@code OUT/report/index.html} in the browser where the desktop allows it.
 */
final class TrainResultPanel extends JPanel {

  private static final int IMAGE_WIDTH = 360;
  private static final int IMAGE_HEIGHT = 240;

  /** The panel of {@code trained}. */
  TrainResultPanel(JobOutcome.Trained trained) {
    super(new BorderLayout(8, 8));
    JPanel top = new JPanel(new BorderLayout());
    top.add(summary(TrainSummary.of(trained.result())), BorderLayout.CENTER);
    JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
    buttons.add(openButton(trained.report().index()));
    top.add(buttons, BorderLayout.EAST);
    add(top, BorderLayout.NORTH);
    add(images(trained), BorderLayout.CENTER);
    setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
  }

  private static JPanel summary(List<TrainSummary.Row> rows) {
    JPanel p = new JPanel(new GridBagLayout());
    GridBagConstraints c = new GridBagConstraints();
    c.anchor = GridBagConstraints.LINE_START;
    c.insets = new Insets(1, 2, 1, 12);
    for (int i = 0; i < rows.size(); i++) {
      c.gridy = i;
      c.weightx = 0;
      p.add(new JLabel(rows.get(i).label()), c);
      JLabel value = new JLabel(rows.get(i).value());
      value.setName("summary." + rows.get(i).label());
      value.setFont(value.getFont().deriveFont(Font.BOLD));
      c.weightx = 1;
      p.add(value, c);
    }
    return p;
  }

  /** A button that opens the page {@code index} in the browser, named {@code openReport}. */
  static JButton openButton(Path index) {
    JButton open = new JButton("Open report");
    open.setName("openReport");
    boolean browse = Desktop.isDesktopSupported()
        && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE);
    open.setEnabled(browse);
    open.setToolTipText(browse ? index.toString()
        : "This desktop cannot open a browser; open " + index);
    open.addActionListener(e -> CompletableFuture.runAsync(() -> browse(open, index)));
    return open;
  }

  /** Opens {@code index} in the browser; run off the EDT, since browsers can be slow to start. */
  private static void browse(JButton source, Path index) {
    try {
      Desktop.getDesktop().browse(index.toUri());
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      SwingUtilities.invokeLater(() -> Dialogs.error(source, "Cannot open the report",
          "Cannot open " + index + ": " + e.getMessage()));
    }
  }

  private static JScrollPane images(JobOutcome.Trained trained) {
    JPanel p = new JPanel(new FlowLayout(FlowLayout.LEFT, 10, 6));
    if (trained.images().isEmpty()) {
      JLabel none = new JLabel("No report charts in " + trained.result().out().resolve("report"));
      none.setEnabled(false);
      p.add(none);
    }
    for (ReportImages.Image image : trained.images()) {
      JLabel l = new JLabel(image.name(), new ImageIcon(scaled(image.image())),
          SwingConstants.CENTER);
      l.setName("image." + image.name());
      l.setVerticalTextPosition(SwingConstants.BOTTOM);
      l.setHorizontalTextPosition(SwingConstants.CENTER);
      p.add(l);
    }
    JScrollPane scroll = new JScrollPane(p);
    scroll.setBorder(BorderFactory.createEmptyBorder());
    return scroll;
  }

  /** The image shrunk to fit the thumbnail box, its aspect kept; small images stay as they are. */
  private static Image scaled(BufferedImage image) {
    double scale = Math.min(1, Math.min((double) IMAGE_WIDTH / image.getWidth(),
        (double) IMAGE_HEIGHT / image.getHeight()));
    return scale == 1 ? image : image.getScaledInstance(
        (int) Math.round(image.getWidth() * scale), (int) Math.round(image.getHeight() * scale),
        Image.SCALE_SMOOTH);
  }
}
