package dev.sommelier.tools.gui;

import java.awt.Component;
import javax.swing.JLabel;
import javax.swing.JOptionPane;

/** The window's message dialogs: long messages wrapped, never a stack trace. */
final class Dialogs {

  private static final int WIDTH_PX = 420;

  private Dialogs() {}

  /** An error dialog with {@code message} wrapped to a readable width. */
  static void error(Component parent, String title, String message) {
    JLabel text = new JLabel("<html><body style='width: " + WIDTH_PX + "px'>" + html(message)
        + "</body></html>");
    JOptionPane.showMessageDialog(parent, text, title, JOptionPane.ERROR_MESSAGE);
  }

  private static String html(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\n", "<br>");
  }
}
