package dev.sommelier.tools.gui;

import java.awt.BorderLayout;
import java.awt.Component;
import java.io.File;
import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JPanel;
import javax.swing.JTextField;

/**
 * A folder path (or a file's, see {@link #fileOrFolder}): a text field to type it and a Browse
 * button that picks it with a chooser.
 */
final class FolderField extends JPanel {

  private final JTextField text = new JTextField(32);
  private final int selectionMode;

  /**
   * A field for a folder.
   *
   * @param name the component name of the text field (tests find it by that name)
   * @param tooltip what the folder is for
   */
  FolderField(String name, String tooltip) {
    this(name, tooltip, JFileChooser.DIRECTORIES_ONLY);
  }

  private FolderField(String name, String tooltip, int selectionMode) {
    super(new BorderLayout(4, 0));
    this.selectionMode = selectionMode;
    text.setName(name);
    text.setToolTipText(tooltip);
    JButton browse = new JButton("Browse…");
    browse.setToolTipText(tooltip);
    browse.addActionListener(e -> choose());
    add(text, BorderLayout.CENTER);
    add(browse, BorderLayout.EAST);
  }

  /** A field for a file or a folder (a weights file, or a SavedModel folder). */
  static FolderField fileOrFolder(String name, String tooltip) {
    return new FolderField(name, tooltip, JFileChooser.FILES_AND_DIRECTORIES);
  }

  /** The path as typed. */
  String text() {
    return text.getText();
  }

  @Override
  public void setEnabled(boolean enabled) {
    super.setEnabled(enabled);
    for (Component c : getComponents()) {
      c.setEnabled(enabled);
    }
  }

  private void choose() {
    JFileChooser chooser = new JFileChooser();
    chooser.setFileSelectionMode(selectionMode);
    File current = new File(text.getText().strip());
    if (current.isDirectory()) {
      chooser.setCurrentDirectory(current);
    } else if (current.isFile()) {
      chooser.setSelectedFile(current);
    }
    if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
      text.setText(chooser.getSelectedFile().getPath());
    }
  }
}
