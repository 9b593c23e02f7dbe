package dev.sommelier.tools.report;

import java.util.List;
import java.util.Locale;

/** How the report page writes numbers and settings. */
final class Format {

  /** Written for a metric with no data (NaN) or a setting left unset. */
  static final String NONE = "–";

  private Format() {}

  /** {@code 0.4444}: four decimals, the way the command line prints metrics. */
  static String decimal(double value) {
    return Double.isNaN(value) ? NONE : String.format(Locale.ROOT, "%.4f", value);
  }

  /** {@code +0.1234}: four decimals with a sign, for a bias. */
  static String signed(double value) {
    return Double.isNaN(value) ? NONE : String.format(Locale.ROOT, "%+.4f", value);
  }

  /** {@code 1,234}. */
  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  /** {@code 0.25 s} below ten seconds, {@code 12.3 s} from there on. */
  static String seconds(double value) {
    return String.format(Locale.ROOT, value < 10 ? "%.2f s" : "%.1f s", value);
  }

  /** {@code 1,234.5}: one decimal, for rates. */
  static String rate(double value) {
    return String.format(Locale.ROOT, "%,.1f", value);
  }

  /** A setting's value as {@code report.json} holds it: lists joined by commas, null as none. */
  static String setting(Object value) {
    if (value == null) {
      return NONE;
    }
    if (value instanceof List<?> list) {
      return list.isEmpty() ? NONE : String.join(",", list.stream().map(String::valueOf).toList());
    }
    return String.valueOf(value);
  }
}
