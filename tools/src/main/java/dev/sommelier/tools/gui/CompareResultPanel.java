package dev.sommelier.tools.gui;

import dev.sommelier.tools.compare.ComparisonTable;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.FlowLayout;
import java.awt.Font;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.DefaultTableModel;

/**
 * A finished comparison: its table (the terminal's and the page's cells, the best run in bold) and
 * a button that opens {@code OUT/compare/index.html} in the browser where the desktop allows it.
 */
final class CompareResultPanel extends JPanel {

  /** The panel of {@code compared}. */
  CompareResultPanel(JobOutcome.Compared compared) {
    super(new BorderLayout(8, 8));
    ComparisonTable t = ComparisonTable.of(compared.result());
    DefaultTableModel model = new DefaultTableModel(t.header().toArray(), 0) {
      @Override
      public boolean isCellEditable(int row, int column) {
        return false;
      }
    };
    t.rows().forEach(r -> model.addRow(r.toArray()));
    JTable table = new JTable(model);
    table.setName("comparison");
    table.setAutoResizeMode(JTable.AUTO_RESIZE_OFF);
    table.setDefaultRenderer(Object.class, new BestInBold(t.best()));
    for (int c = 0; c < t.header().size(); c++) {
      table.getColumnModel().getColumn(c).setPreferredWidth(c < 2 ? 170 : 90);
    }
    JPanel top = new JPanel(new BorderLayout());
    top.add(new JLabel("<html>" + compared.result().testImages() + " "
        + compared.result().testPart() + " images, the same for every run; * marks the best "
        + (compared.result().classification() ? "accuracy" : "MAE")
        + ". The report has the curves, the significance tests and the explanations.</html>"),
        BorderLayout.CENTER);
    JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
    buttons.add(TrainResultPanel.openButton(compared.page()));
    top.add(buttons, BorderLayout.EAST);
    add(top, BorderLayout.NORTH);
    add(new JScrollPane(table), BorderLayout.CENTER);
    setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
  }

  /** Draws the best run's row in bold. */
  private static final class BestInBold extends DefaultTableCellRenderer {

    private static final long serialVersionUID = 1L;
    private final int best;

    BestInBold(int best) {
      this.best = best;
    }

    @Override
    public Component getTableCellRendererComponent(JTable table, Object value,
        boolean selected, boolean focused, int row, int column) {
      Component c = super.getTableCellRendererComponent(table, value, selected, focused, row,
          column);
      c.setFont(c.getFont().deriveFont(row == best ? Font.BOLD : Font.PLAIN));
      return c;
    }
  }
}
