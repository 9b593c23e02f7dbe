package dev.sommelier.tasks.eval;

import java.util.List;

/**
 * Renders a {@link ConfusionMatrix} as aligned text for console reports: a header of predicted
 * class names, then one line per true class, counts right-aligned under their column's name.
 *
 * <pre>
 * true \ predicted  cat  dog  bird
 * cat                 3    1     0
 * dog                 1    2     0
 * bird                0    1     1
 * </pre>
 */
public final class ConfusionMatrixText {

  private static final String CORNER = "true \\ predicted";

  private ConfusionMatrixText() {}

  /**
   * The rendered matrix, lines separated by {@code \n}, without trailing spaces.
   *
   * @param matrix the confusion matrix
   * @return the text
   */
  public static String render(ConfusionMatrix matrix) {
    List<String> names = matrix.classes();
    long[][] counts = matrix.counts();
    int labelWidth = CORNER.length();
    for (String name : names) {
      labelWidth = Math.max(labelWidth, name.length());
    }
    int[] widths = new int[names.size()];
    for (int p = 0; p < names.size(); p++) {
      widths[p] = names.get(p).length();
      for (long[] row : counts) {
        widths[p] = Math.max(widths[p], Long.toString(row[p]).length());
      }
    }
    StringBuilder text = new StringBuilder(pad(CORNER, labelWidth, false));
    for (int p = 0; p < names.size(); p++) {
      text.append("  ").append(pad(names.get(p), widths[p], true));
    }
    for (int t = 0; t < names.size(); t++) {
      text.append('\n').append(pad(names.get(t), labelWidth, false));
      for (int p = 0; p < names.size(); p++) {
        text.append("  ").append(pad(Long.toString(counts[t][p]), widths[p], true));
      }
    }
    return text.toString();
  }

  private static String pad(String s, int width, boolean right) {
    String spaces = " ".repeat(width - s.length());
    return right ? spaces + s : s + spaces;
  }
}
