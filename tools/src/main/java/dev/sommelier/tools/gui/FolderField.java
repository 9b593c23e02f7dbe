package dev.sommelier.tools.gui;

import java.awt.BorderLayout;
import java.io.File;
import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JPanel;
import javax.swing.JTextField;

/** A folder path: a text field to type it and a Browse button that picks it with a chooser. */
final class FolderField extends JPanel {

  private final JTextField text = new JTextField(32);

  /**
   * @param name the component name of the text field (tests find it by that name)
   * @param tooltip what the folder is for
   */
  FolderField(String name, String tooltip) {
    super(new BorderLayout(4, 0));
    text.setName(name);
    text.setToolTipText(tooltip);
    JButton browse = new JButton("Browse…");
    browse.setToolTipText(tooltip);
    browse.addActionListener(e -> choose());
    add(text, BorderLayout.CENTER);
    add(browse, BorderLayout.EAST);
  }

  /** The path as typed. */
  String text() {
    return text.getText();
  }

  private void choose() {
    JFileChooser chooser = new JFileChooser();
    chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
    File current = new File(text.getText().strip());
    if (current.isDirectory()) {
      chooser.setCurrentDirectory(current);
    }
    if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
      text.setText(chooser.getSelectedFile().getPath());
    }
  }
}
