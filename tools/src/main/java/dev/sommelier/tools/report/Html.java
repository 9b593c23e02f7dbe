package dev.sommelier.tools.report;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds one self-contained HTML page: inline CSS, images as {@code data:} URIs, nothing loaded
 * from elsewhere. Text given to it is escaped; only its own markup is written raw.
 */
final class Html {

  private static final String CSS = """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;
      max-width:1180px;padding:24px;color:#1b1f24;line-height:1.45}
      h1{margin-bottom:4px}h2{margin-top:36px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
      .sub{color:#57606a;margin-top:0}
      .cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
      .card{border:1px solid #d0d7de;border-radius:8px;padding:10px 16px;min-width:120px}
      .card .v{font-size:1.6em;font-weight:600}.card .k{color:#57606a;font-size:.9em}
      table{border-collapse:collapse;margin:8px 0}
      th,td{border:1px solid #d0d7de;padding:4px 10px;text-align:left;vertical-align:top}
      th{background:#f6f8fa}td.n{text-align:right;font-variant-numeric:tabular-nums}
      tr.best td{background:#fff8c5}
      figure{margin:16px 0}figcaption{color:#57606a;font-size:.92em;max-width:900px}
      img{max-width:100%;height:auto;border:1px solid #eaeef2}
      code{background:#f6f8fa;padding:1px 4px;border-radius:4px}
      .row{display:flex;flex-wrap:wrap;gap:16px}.row figure{flex:1 1 300px;margin:0}
      td.img img{width:160px}.ok{color:#1a7f37}.no{color:#cf222e}
      """;

  private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9][0-9,.]*( s)?");

  private final StringBuilder b = new StringBuilder();

  /** A page titled {@code title}, its head and CSS written. */
  Html(String title) {
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(CSS)
        .append("</style>\n</head>\n<body>\n");
  }

  /** {@code <h1>}. */
  Html h1(String text) {
    return tag("h1", text);
  }

  /** {@code <h2>}. */
  Html h2(String text) {
    return tag("h2", text);
  }

  /** {@code <p>}. */
  Html p(String text) {
    return tag("p", text);
  }

  /** A line of secondary text under a heading. */
  Html subtitle(String text) {
    b.append("<p class=\"sub\">").append(escape(text)).append("</p>\n");
    return this;
  }

  /** A row of cards, each a big value over its name. */
  Html cards(Map<String, String> values) {
    b.append("<div class=\"cards\">\n");
    values.forEach((name, value) -> b.append("<div class=\"card\"><div class=\"v\">")
        .append(escape(value)).append("</div><div class=\"k\">").append(escape(name))
        .append("</div></div>\n"));
    b.append("</div>\n");
    return this;
  }

  /** A two-column table of names and values, the values left-aligned. */
  Html keyValues(Map<String, String> values) {
    b.append("<table>\n");
    values.forEach((name, value) -> b.append("<tr><th>").append(escape(name))
        .append("</th><td>").append(escape(value)).append("</td></tr>\n"));
    b.append("</table>\n");
    return this;
  }

  /**
   * A table with a header row; cells that read as numbers or seconds are right-aligned.
   *
   * @param highlighted index of a row to highlight, or -1
   */
  Html table(List<String> header, List<List<String>> rows, int highlighted) {
    b.append("<table>\n<tr>");
    header.forEach(h -> b.append("<th>").append(escape(h)).append("</th>"));
    b.append("</tr>\n");
    for (int i = 0; i < rows.size(); i++) {
      b.append(i == highlighted ? "<tr class=\"best\">" : "<tr>");
      rows.get(i).forEach(c -> b.append(cell(c)));
      b.append("</tr>\n");
    }
    b.append("</table>\n");
    return this;
  }

  /** A bulleted list. */
  Html list(List<String> items) {
    b.append("<ul>\n");
    items.forEach(i -> b.append("<li>").append(escape(i)).append("</li>\n"));
    b.append("</ul>\n");
    return this;
  }

  /** A bulleted list, folded under {@code summary}. */
  Html folded(String summary, List<String> items) {
    b.append("<details><summary>").append(escape(summary)).append("</summary>\n<ul>\n");
    items.forEach(i -> b.append("<li><code>").append(escape(i)).append("</code></li>\n"));
    b.append("</ul>\n</details>\n");
    return this;
  }

  /** A figure: its PNG embedded as a data URI, with a caption. */
  Html figure(Figure f) {
    b.append("<figure>\n<img src=\"").append(dataUri(f.png())).append("\" alt=\"")
        .append(escape(f.title())).append("\">\n<figcaption>").append(escape(f.caption()))
        .append("</figcaption>\n</figure>\n");
    return this;
  }

  /** Figures side by side, wrapping on narrow screens. */
  Html figureRow(List<Figure> figures) {
    b.append("<div class=\"row\">\n");
    figures.forEach(this::figure);
    b.append("</div>\n");
    return this;
  }

  /**
   * A table of images with a line of text under each; a cell without an image shows its text
   * alone. Text marked {@code right} is green, {@code wrong} red.
   */
  Html imageGrid(List<String> header, List<List<ImageCell>> rows) {
    b.append("<table>\n<tr>");
    header.forEach(h -> b.append("<th>").append(escape(h)).append("</th>"));
    b.append("</tr>\n");
    for (List<ImageCell> row : rows) {
      b.append("<tr>");
      for (ImageCell c : row) {
        b.append("<td class=\"img\">");
        if (c.png() != null) {
          b.append("<img src=\"").append(dataUri(c.png())).append("\" alt=\"")
              .append(escape(c.text())).append("\"><br>");
        }
        String style = c.right() == null ? "" : c.right() ? " class=\"ok\"" : " class=\"no\"";
        b.append("<span").append(style).append('>').append(escape(c.text())).append("</span></td>");
      }
      b.append("</tr>\n");
    }
    b.append("</table>\n");
    return this;
  }

  /** The finished page. */
  String finish() {
    return b + "</body>\n</html>\n";
  }

  /** {@code data:image/png;base64,...} of PNG bytes. */
  static String dataUri(byte[] png) {
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
  }

  /** {@code text} with {@code & < > " '} escaped for HTML text and attribute values. */
  static String escape(String text) {
    StringBuilder e = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> e.append("&amp;");
        case '<' -> e.append("&lt;");
        case '>' -> e.append("&gt;");
        case '"' -> e.append("&quot;");
        case '\'' -> e.append("&#39;");
        default -> e.append(c);
      }
    }
    return e.toString();
  }

  private Html tag(String name, String text) {
    b.append('<').append(name).append('>').append(escape(text)).append("</").append(name)
        .append(">\n");
    return this;
  }

  private static String cell(String value) {
    String open = NUMBER.matcher(value).matches() ? "<td class=\"n\">" : "<td>";
    return open + escape(value) + "</td>";
  }
}
